#!/usr/bin/env bash
# reg report on the registry of bench/rollback-history.sh: 1,000 releases in a repository of
# 100,000 tags, each release with its decision memo and the eval run it was gated on (20 cases),
# and the gate file. Targets (the report issue): under 2 s, and the HTML under 5 MB.
# Prints the median of RUNS runs of `reg report` and of `reg report --json`, JVM start-up, and the
# size of the page.
#
#   bench/report-1000.sh                  # 1,000 releases, 100,000 tags, 20 cases a run, 5 runs
#   RELEASES=200 TAGS=20000 RUNS=3 bench/report-1000.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
RELEASES=${RELEASES:-1000}
TAGS=${TAGS:-100000}
RUNS=${RUNS:-5}
export EVAL_CASES=${EVAL_CASES:-20}
work="${BENCH_DIR:-$root/bench/out/report-1000}"
repo="$work/repo"
site="$work/site"
reg="$root/reg"

# shellcheck source=release-history.sh
. "$here/release-history.sh"
release_history_bench "$work"

# CPU time (user + sys, all threads: JIT and GC run beside the main thread) in ms
cpu_ms() { local TIMEFORMAT='%U %S' t; t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ); awk -v t="$t" 'BEGIN {split(t, a, " "); printf "%d\n", (a[1] + a[2]) * 1000}'; }
measure_cpu() { local i; for ((i = 0; i < RUNS; i++)); do cpu_ms "$@"; done | median; }

"$reg" --version >/dev/null                                   # builds the jar and the CDS archive if needed
"$reg" -C "$repo" report --out "$site" >&2                    # warm the file cache; shows what it wrote and any finding

jvm_ms=$(measure "$reg" --version)
report_ms=$(measure "$reg" -C "$repo" report --out "$site")
json_ms=$(measure "$reg" -C "$repo" report --json)
report_cpu=$(measure_cpu "$reg" -C "$repo" report --out "$site")
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
bytes=$(wc -c < "$site/report.html")
figures=$(grep -o '<figure class="chart' "$site/report.html" | wc -l)
points=$("$reg" -C "$repo" report --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(len(s["points"]) for w in d["workflows"] for s in w["gate"]["series"]))')

awk -v j="$jvm_ms" -v r="$report_ms" -v js="$json_ms" -v b="$bytes" -v f="$figures" -v p="$points" -v R="$RELEASES" -v t="$TAGS" \
    -v e="$EVAL_CASES" -v n="$RUNS" -v c="$report_cpu" -v l="$load" 'BEGIN {
  printf "repository: %d releases (each with a memo and a %d-case eval run), %d tags; median of %d runs; load average %s\n", R, e, t, n, l
  printf "%-36s %8s %10s\n", "command", "ms", "target"
  printf "%-36s %8d %10s\n", "reg --version (JVM start-up)", j, "-"
  printf "%-36s %8d %10s  %s\n", "reg report (writes the page)", r, "2000", (r < 2000 ? "ok" : "OVER")
  printf "%-36s %8d %10s\n", "  its CPU time (user + sys)", c, "-"
  printf "%-36s %8d %10s\n", "reg report --json", js, "-"
  printf "page: %.2f MB (target 5 MB: %s), %d charts, %d gate points\n", b / 1048576, (b < 5 * 1048576 ? "ok" : "OVER"), f, p
}'
