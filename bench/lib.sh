# Shared helpers for the whole-process benchmarks in bench/. Sourced, not run.
# Each benchmark builds its fixture under bench/out/ (git-ignored) and times commands in one run,
# so the ratios it prints compare like with like on the same machine at the same moment.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REG="$bench_root/reg"
export GIT_CONFIG_NOSYSTEM=1
export HOME="${BENCH_HOME:-$bench_root/bench/out/home}"
mkdir -p "$HOME"
git config --global user.name "reg bench" 
git config --global user.email "bench@example.com"
git config --global init.defaultBranch main

# median wall time in seconds of a command over N runs (hyperfine when installed, else a shell loop)
median_seconds() {
  local runs="$1"; shift
  if command -v hyperfine >/dev/null 2>&1; then
    local json
    json="$(mktemp)"
    hyperfine --warmup 2 --runs "$runs" --style none --export-json "$json" -- "$*" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$json"
    rm -f "$json"
  else
    local times=() i s e
    for ((i = 0; i < runs + 2; i++)); do
      s=$(date +%s%N); bash -c "$*" >/dev/null 2>&1; e=$(date +%s%N)
      [ "$i" -ge 2 ] && times+=("$(( e - s ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.4f\n", a[int((NR+1)/2)]/1e9}'
  fi
}

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
