#!/usr/bin/env bash
# Issue 2 benchmark: `reg show prompt/<one>` on a registry of 2,000 artifacts x 50 versions
# (100,000 tags) against `git for-each-ref` on the same refs and against `reg show` on a 10-tag
# registry, measured in one run. Target: reg show at 100,000 tags within 1.5x its time at 10 tags.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="$bench_root/bench/out/show"
runs="${RUNS:-15}"
rm -rf "$out"
mkdir -p "$out"
REG_ARCHIVE=sync "$REG" --version >/dev/null   # builds the jar and the archive first

echo "building fixtures ..."
python3 "$bench_root/bench/make-tag-registry.py" "$out/big" 2000 50
python3 "$bench_root/bench/make-tag-registry.py" "$out/small" 1 10
tags_big=$(git -C "$out/big" for-each-ref refs/tags | wc -l)
tags_small=$(git -C "$out/small" for-each-ref refs/tags | wc -l)
echo "fixtures: $tags_big tags (big), $tags_small tags (small)"

t_git=$(median_seconds "$runs" "git -C $out/big for-each-ref 'refs/tags/prompt/p1234@*'")
t_big=$(median_seconds "$runs" "$REG -C $out/big show prompt/p1234")
t_small=$(median_seconds "$runs" "$REG -C $out/small show prompt/p0000")
t_jvm=$(median_seconds "$runs" "$REG --version")

printf '%-58s %8s s\n' "git for-each-ref refs/tags/prompt/p1234@* (100k tags)" "$t_git"
printf '%-58s %8s s\n' "reg show prompt/p1234 (100k tags)" "$t_big"
printf '%-58s %8s s\n' "reg show prompt/p0000 (10 tags)" "$t_small"
printf '%-58s %8s s\n' "reg --version (JVM start-up)" "$t_jvm"
echo "ratio reg show 100k / 10 tags:        $(ratio "$t_big" "$t_small")   (target <= 1.50)"
echo "ratio reg show 100k / git for-each-ref: $(ratio "$t_big" "$t_git")"
echo "reg show 100k minus JVM start-up vs git: $(python3 -c "print('%.3f s vs %.3f s' % ($t_big - $t_jvm, $t_git))")"
