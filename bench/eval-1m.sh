#!/usr/bin/env bash
# A 1,000,000-case eval run, imported and gated with a 256 MB heap: DESIGN.md section 5 says a run of
# that size "imports and gates within a 256 MB heap". Generates two native JSONL runs of CASES rows
# (default 1,000,000; a candidate and a baseline), imports both, then gates the candidate against
# the baseline with percentile, slice, per-success, count and paired-delta bars and a must-pass list.
# Prints wall time and peak resident memory of each step (GNU time), next to sha256sum of the same
# file for scale. Fixture under bench/out/eval-1m (git-ignored).
set -euo pipefail
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REG="$bench_root/reg"
cases="${CASES:-1000000}"
heap="${HEAP:-256m}"
out="$bench_root/bench/out/eval-1m"
export GIT_CONFIG_NOSYSTEM=1
export HOME="${BENCH_HOME:-$bench_root/bench/out/home}"
mkdir -p "$HOME"
git config --global user.name "reg bench"
git config --global user.email "bench@example.com"
git config --global init.defaultBranch main
rm -rf "$out"
mkdir -p "$out"
REG_ARCHIVE=sync "$REG" --version >/dev/null   # builds the jar and the archive first

# one row per case: a slice, a verdict, a score, latency, cost; ~1 in 1000 errored, some tagged must-pass
generate() {
  awk -v n="$cases" -v seed="$1" 'BEGIN {
    srand(seed); split("Support Billing Security", dom, " ");
    for (i = 1; i <= n; i++) {
      id = sprintf("C-%07d", i); d = dom[1 + i % 3];
      if (rand() < 0.001) {
        printf "{\"id\":\"%s\",\"slice\":{\"domain\":\"%s\"},\"error\":{\"kind\":\"provider\",\"message\":\"timeout\"}}\n", id, d;
        continue;
      }
      exact = rand(); pass = exact >= 0.2 ? "true" : "false";
      lat = int(200 + 800 * rand() * rand()); cost = 0.001 + 0.01 * rand();
      tags = (i % 100000 == 0 && pass == "true") ? ",\"tags\":[\"must-pass\"]" : "";
      sev = (rand() < 0.002) ? ",\"severity\":\"sev2\"" : "";
      printf "{\"id\":\"%s\",\"slice\":{\"domain\":\"%s\"},\"pass\":%s,\"scores\":{\"exact\":%.4f},\"latency_ms\":%d,\"cost_usd\":%.5f%s%s}\n", id, d, pass, exact, lat, cost, sev, tags;
    }
  }'
}

echo "generating 2 x $cases cases ..."
generate 7 > "$out/candidate.jsonl"
generate 11 > "$out/baseline.jsonl"
ls -l "$out"/*.jsonl | awk '{printf "  %s  %d MB\n", $NF, $5 / 1048576}'

repo="$out/repo"
git init -q "$repo" && "$REG" -C "$repo" init >/dev/null
cat > "$repo/registry/registry.yaml" <<'YAML'
registry: 1
workflows:
  support_copilot:
    components: [model/cust-copilot, prompt/billing_refund, dataset/golden]
    gate: gates/support_copilot.yaml
YAML
mkdir -p "$out/src"
echo '{"provider": "openai", "model_id": "gpt-4.1-mini"}' > "$out/src/model.json"
echo 'Answer refund questions from {{policy_snippets}}.' > "$out/src/template.md"
echo '{"id": "C-0000001"}' > "$out/src/cases.jsonl"
git -C "$repo" add -A && git -C "$repo" commit -qm workflow
"$REG" -C "$repo" add model cust-copilot "$out/src/model.json" --version 1.0.0 >/dev/null
"$REG" -C "$repo" add prompt billing_refund "$out/src/template.md" --version 1.0.0 >/dev/null
"$REG" -C "$repo" add dataset golden "$out/src/cases.jsonl" --version 1.0.0 >/dev/null
mkdir -p "$repo/registry/gates"
cat > "$repo/registry/gates/support_copilot.yaml" <<'YAML'
gates:
  - {metric: exact, agg: mean, min: 0.45, where: {domain: Support}}
  - {metric: pass, agg: mean, min: 0.75}
  - {metric: latency_ms, agg: p95, max: 1200}
  - {metric: latency_ms, agg: p99, max: 1200}
  - {metric: cost_usd, agg: per_success, max: 0.01}
  - {metric: severity, agg: rate, equals: sev2, max: 0.005}
  - {metric: error, agg: count, max: 2000}
  - {metric: exact, agg: mean, max_drop: 0.02, vs: baseline}
  - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline}
YAML
git -C "$repo" add -A && git -C "$repo" commit -qm gate

# runs one step with the heap cap; prints "<label>  <wall s>  <peak RSS MB>"
step() {
  local label="$1"; shift
  local t="$out/time.txt"
  local code=0
  REG_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%e %M" -o "$t" "$@" > "$out/step.out" 2> "$out/step.err" || code=$?
  read -r wall kb < <(tail -1 "$t")
  printf '%-44s %8.2f s  %6d MB peak RSS  (exit %d)\n' "$label" "$wall" "$((kb / 1024))" "$code"
  if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
    cat "$out/step.err" >&2
    exit 1
  fi
}

echo "timing (heap -Xmx$heap) ..."
step "sha256sum candidate.jsonl (for scale)" sha256sum "$out/candidate.jsonl"
step "reg eval import baseline ($cases cases)" "$REG" -C "$repo" eval import "$out/baseline.jsonl" -w support_copilot --json
base_id=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['run']['id'])" "$out/step.out")
step "reg eval import candidate ($cases cases)" "$REG" -C "$repo" eval import "$out/candidate.jsonl" -w support_copilot --json
cand_id=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['run']['id'])" "$out/step.out")
step "reg eval import candidate again (no-op)" "$REG" -C "$repo" eval import "$out/candidate.jsonl" -w support_copilot
step "reg gate (9 bars, paired vs baseline)" "$REG" -C "$repo" gate support_copilot --run "$cand_id" --baseline "$base_id" --junit "$out/gate.xml"
cp "$out/step.out" "$out/gate.txt"
echo
echo "stored: $(du -sh "$repo/registry/evals/$cand_id" | cut -f1) in registry/evals/$cand_id/ ($(ls "$repo/registry/evals/$cand_id" | tr '\n' ' '))"
echo "gate output:"
sed 's/^/  /' "$out/gate.txt"
