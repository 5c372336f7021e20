# bash completion for reg @@VERSION@@, written by 'reg completion bash'.
# Commands, options and fixed values are in the table below (from reg's picocli model); workflow
# names, kind/name, versions, release and ADR numbers are read from the repository when Tab is
# pressed, by 'reg __complete'. Load it in ~/.bashrc with:  source <(reg completion bash)

_reg_table='@@TABLE@@'

# The table, by command path: subcommands, option names, options taking a value (what completes
# the value), and positional parameters ("FIRST|LAST|VALUES" lines).
declare -gA _reg_subs=() _reg_opts=() _reg_optval=() _reg_pos=()
_reg_load() {
  local kind cmd a b c rest
  while IFS='|' read -r kind cmd a b c rest; do
    case $kind in
      c) _reg_subs[$cmd]+="$a"$'\n' ;;
      o) _reg_opts[$cmd]+="$a"$'\n'
         [[ $b == 1 ]] && _reg_optval["$cmd|$a"]=$c ;;
      p) _reg_pos[$cmd]+="$a|$b|$c"$'\n' ;;
    esac
  done <<< "$_reg_table"
}
_reg_load
unset -f _reg_load

# Adds to COMPREPLY the words of $1 (separated by white space) that start with $cur.
_reg_add_words() {
  local w
  for w in $1; do
    [[ $w == "$cur"* ]] && COMPREPLY+=("$w")
  done
}

# Adds to COMPREPLY each line read, up to a tab (what follows is a description, which bash does not show).
_reg_add_lines() {
  local line
  while IFS= read -r line; do
    COMPREPLY+=("${line%%$'\t'*}")
  done
}

_reg_completion() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmd=reg pending= word i values=
  local -a pos=() global=()
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word=${COMP_WORDS[i]}
    if [[ -n $pending ]]; then
      [[ $word == = ]] && continue # bash splits --to=3 into --to, =, 3
      [[ $pending == -C ]] && global=(-C "${word/#\~/$HOME}")
      pending=
    elif [[ $word == -* ]]; then
      [[ $word != *=* && -n ${_reg_optval["$cmd|$word"]+set} ]] && pending=$word
    elif (( ${#pos[@]} == 0 )) && [[ $'\n'${_reg_subs[$cmd]} == *$'\n'"$word"$'\n'* ]]; then
      cmd+=" $word"
    else
      pos+=("$word")
    fi
  done
  [[ -n $pending && $cur == = ]] && cur=
  COMPREPLY=()
  if [[ -n $pending ]]; then
    values=${_reg_optval["$cmd|$pending"]}
  elif [[ $cur == -* ]]; then
    _reg_add_words "${_reg_opts[$cmd]}"
    return 0
  else
    (( ${#pos[@]} == 0 )) && _reg_add_words "${_reg_subs[$cmd]}"
    local first last v
    while IFS='|' read -r first last v; do
      if [[ -n $first ]] && (( first <= ${#pos[@]} && ${#pos[@]} <= last )); then
        values=$v
        break
      fi
    done <<< "${_reg_pos[$cmd]}"
  fi
  case $values in
    files) compopt -o filenames 2>/dev/null; _reg_add_lines < <(compgen -f -- "$cur") ;;
    dirs) compopt -o filenames 2>/dev/null; _reg_add_lines < <(compgen -d -- "$cur") ;;
    words:*) _reg_add_words "${values#words:}" ;;
    dyn:*)
      local prog=${COMP_WORDS[0]/#\~/$HOME}
      _reg_add_lines < <("$prog" "${global[@]}" __complete "${values#dyn:}" -- "$cur" "${pos[@]}" 2>/dev/null </dev/null) ;;
  esac
  return 0
}

complete -F _reg_completion reg
