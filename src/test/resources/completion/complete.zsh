# zsh -f complete.zsh MODE OUT LINE…: starts an interactive zsh (zsh -f -i) on a pseudo-terminal (zpty),
# runs compinit, loads reg's completion (MODE "source": source <(reg completion zsh); MODE "fpath": the
# script saved as _reg in a directory on $fpath, as compinit finds it), then for each LINE types it
# and presses Tab. A compadd wrapper records the matches zsh computed (compadd -O) in OUT/N.txt.
# Prints one line per LINE: LINE, a tab, the matches separated by spaces.
zmodload zsh/zpty || exit 1
mode=$1 out=$2
shift 2
zpty -b z zsh -f -i
if [[ $mode == fpath ]]; then
  mkdir -p $out/functions && reg completion zsh > $out/functions/_reg || exit 1
  zpty -w z "fpath=(${(q)out}/functions \$fpath)"
  zpty -w z "PS1='> '; autoload -Uz compinit; compinit -u -D"
else
  zpty -w z "PS1='> '; autoload -Uz compinit; compinit -u -D; source <(reg completion zsh) 2>${(q)out}/source.err"
fi
zpty -w z 'compadd() { local -a m; if (( ! ${@[(I)-[OAD]*]} )); then builtin compadd -O m "$@"; print -rl -- $m >> $__reg_out; fi; builtin compadd "$@"; }'
zpty -w z "touch ${(q)out}/ready"
integer waited=0
while [[ ! -e $out/ready ]] && (( waited < 600 )); do sleep 0.1; (( waited++ )); done
integer i=0
for line in "$@"; do
  (( i++ ))
  zpty -w z "__reg_out=${(q)out}/$i.txt; : > \$__reg_out"
  zpty -wn z "$line"$'\t'
  zpty -w z $'\C-u'"touch ${(q)out}/$i.done"
  waited=0
  while [[ ! -e $out/$i.done ]] && (( waited < 600 )); do sleep 0.1; (( waited++ )); done
  [[ -e $out/$i.done ]] || { print -r -- "timed out completing '$line'" >&2; exit 1; }
  print -r -- "$line"$'\t'"${(j: :)${(f)"$(<$out/$i.txt)"}}"
done
zpty -d z
