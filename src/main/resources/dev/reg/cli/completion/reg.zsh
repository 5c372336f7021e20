#compdef reg
# zsh completion for reg @@VERSION@@, written by 'reg completion zsh'.
# Commands, options and fixed values are in the table below (from reg's picocli model); workflow
# names, kind/name, versions, release and ADR numbers are read from the repository when Tab is
# pressed, by 'reg __complete'. Load it in ~/.zshrc after compinit with:  source <(reg completion zsh)
# or save it as _reg in a directory on $fpath.

typeset -g _reg_table='@@TABLE@@'

# The table, by command path: subcommands and options ("name:description" lines), options taking
# a value (what completes the value), and positional parameters ("FIRST|LAST|VALUES" lines).
typeset -gA _reg_subs _reg_opts _reg_optval _reg_pos
() {
  local line
  local -a f
  for line in "${(@f)_reg_table}"; do
    f=("${(@s:|:)line}")
    case $f[1] in
      c) _reg_subs[$f[2]]+="${f[3]}:${f[4]}"$'\n' ;;
      o) _reg_opts[$f[2]]+="${f[3]}:${f[6]}"$'\n'
         [[ $f[4] == 1 ]] && _reg_optval+=("${f[2]}|${f[3]}" "$f[5]") ;;
      p) _reg_pos[$f[2]]+="${f[3]}|${f[4]}|${f[5]}"$'\n' ;;
    esac
  done
}

# Offers the values $1 describes (files, dirs, words:…, dyn:TYPE); $2… are the positional values so far.
_reg_values() {
  local values=$1 prog line
  shift
  local -a items
  case $values in
    files) _files ;;
    dirs) _files -/ ;;
    words:*) items=(${=values#words:}); compadd -a items ;;
    dyn:*)
      prog=${(Q)words[1]}
      prog=${prog/#\~/$HOME}
      for line in "${(@f)$("$prog" "${_reg_global[@]}" __complete "${values#dyn:}" -- "$PREFIX" "$@" 2>/dev/null </dev/null)}"; do
        [[ -z $line ]] && continue
        # "value<tab>description" becomes _describe's "value:description" (a ':' in the value escaped)
        if [[ $line == *$'\t'* ]]; then
          items+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
        else
          items+=("${line//:/\\:}")
        fi
      done
      (( $#items )) && _describe -t values value items
      ;;
    *) return 1 ;;
  esac
}

_reg() {
  local cmd=reg pending= word i
  local -a pos _reg_global items
  for (( i = 2; i < CURRENT; i++ )); do
    word=${(Q)words[i]}
    if [[ -n $pending ]]; then
      [[ $pending == -C ]] && _reg_global=(-C "${word/#\~/$HOME}")
      pending=
    elif [[ $word == -* ]]; then
      [[ $word != *=* && -n ${_reg_optval[$cmd|$word]+set} ]] && pending=$word
    elif (( $#pos == 0 )) && [[ $'\n'${_reg_subs[$cmd]} == *$'\n'"$word":* ]]; then
      cmd+=" $word"
    else
      pos+=("$word")
    fi
  done
  if [[ -z $pending && $PREFIX == -*=* && -n ${_reg_optval[$cmd|${PREFIX%%=*}]+set} ]]; then
    pending=${PREFIX%%=*}
    compset -P '*='
  fi
  if [[ -n $pending ]]; then
    _reg_values "${_reg_optval[$cmd|$pending]}" "${pos[@]}"
    return
  fi
  if [[ $PREFIX == -* ]]; then
    items=("${(@f)${_reg_opts[$cmd]%$'\n'}}")
    _describe -t options option items
    return
  fi
  local ret=1 first last v line
  if (( $#pos == 0 )) && [[ -n ${_reg_subs[$cmd]} ]]; then
    items=("${(@f)${_reg_subs[$cmd]%$'\n'}}")
    _describe -t commands 'reg command' items && ret=0
  fi
  for line in "${(@f)_reg_pos[$cmd]}"; do
    first=${line%%|*} last=${${line#*|}%%|*} v=${line#*|*|}
    if [[ -n $first ]] && (( first <= $#pos && $#pos <= last )); then
      _reg_values "$v" "${pos[@]}" && ret=0
      break
    fi
  done
  return ret
}

if [[ $funcstack[1] == _reg ]]; then
  _reg "$@"
else
  compdef _reg reg
fi
