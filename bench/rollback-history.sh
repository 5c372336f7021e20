#!/usr/bin/env bash
# reg rollback --dry-run and reg history on a workflow with 1,000 releases in a repository of
# 100,000 tags, against `git for-each-ref` listing the same refs, measured in one run.
# DESIGN.md section 5: both must cost about what listing the refs costs, plus JVM start-up —
# never one tag object or one commit walk per release.
#
#   bench/rollback-history.sh            # 1,000 releases, 100,000 tags, 5 runs each (median)
#   RELEASES=200 TAGS=20000 RUNS=3 bench/rollback-history.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
RELEASES=${RELEASES:-1000}
TAGS=${TAGS:-100000}
RUNS=${RUNS:-5}
work="${BENCH_DIR:-$root/bench/out/rollback-history}"
repo="$work/repo"
reg="$root/reg"

# shellcheck source=release-history.sh
. "$here/release-history.sh"
release_history_bench "$work"

REG_ARCHIVE=sync "$reg" --version >/dev/null                   # builds the jar and the archive if needed
"$reg" -C "$repo" history support_copilot >/dev/null           # warm the file cache
"$reg" -C "$repo" rollback support_copilot --dry-run >/dev/null
git -C "$repo" for-each-ref refs/tags >/dev/null

git_ms=$(measure git -C "$repo" for-each-ref refs/tags)
jvm_ms=$(measure "$reg" --version)
history_ms=$(measure "$reg" -C "$repo" history support_copilot)
dry_ms=$(measure "$reg" -C "$repo" rollback support_copilot --dry-run)

echo "what the dry run plans:" >&2
"$reg" -C "$repo" rollback support_copilot --dry-run | sed 's/^/  /' >&2
awk -v g="$git_ms" -v j="$jvm_ms" -v h="$history_ms" -v d="$dry_ms" -v r="$RELEASES" -v t="$TAGS" -v n="$RUNS" 'BEGIN {
  printf "repository: %d releases, %d tags (packed); median of %d runs\n", r, t, n
  printf "%-34s %8s %12s %22s\n", "command", "ms", "x git", "x git after start-up"
  printf "%-34s %8d %12s %22s\n", "git for-each-ref refs/tags", g, "1.00", "-"
  printf "%-34s %8d %12.2f %22s\n", "reg --version (JVM start-up)", j, j / g, "-"
  printf "%-34s %8d %12.2f %22.2f\n", "reg history", h, h / g, (h - j) / g
  printf "%-34s %8d %12.2f %22.2f\n", "reg rollback --dry-run", d, d / g, (d - j) / g
}'
