#!/usr/bin/env bash
# 10,000,000 telemetry events through the online readouts in a 256 MB heap: DESIGN.md section 5 says
# canary, drift and budget stream "10,000,000 events in a 256 MB heap, at a good fraction of the speed
# of merely reading the file". Generates two arms of EVENTS/2 events each over 30 days (default
# 10,000,000 in all), gzip and plain, then times in one run: zcat | wc -l and a plain wc -l (the speed
# of merely reading), and `reg canary` (gzip and plain), `reg drift` (control as reference, treatment
# as current) and `reg budget` (both files), each through the launcher (./reg) with
# REG_JAVA_OPTS=-Xmx$HEAP, in a small registry whose committed gate file holds the canary: and slo:
# sections. Prints wall and CPU time, peak RSS and the ratios to zcat | wc -l. Fixture under
# bench/out/online-10m (git-ignored).
set -euo pipefail
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$bench_root/bench/lib.sh"
events="${EVENTS:-10000000}"
heap="${HEAP:-256m}"
out="$bench_root/bench/out/online-10m"
mkdir -p "$out"
REG_ARCHIVE=sync "$REG" --version >/dev/null   # builds the jar and the archive first

# one event per line, as DESIGN.md's telemetry format: whole-millisecond latency, costs to 5 decimals,
# scores to 2 and 1 decimals, three guardrail flags, a decision and a 4-value embedding
generate() { # arm seed count latency-shift
  awk -v arm="$1" -v seed="$2" -v n="$3" -v shift="$4" 'BEGIN {
    srand(seed); split("copilot extract route", jr, " ");
    split("allow allow allow allow allow allow allow allow block redact", dec, " ");
    t0 = 1758240000; span = 30 * 86400;
    for (i = 0; i < n; i++) {
      ts = t0 + int(i * span / n);
      lat = int(300 + 900 * rand() * rand() + shift);
      printf "{\"event_id\":\"%s-%09d\",\"timestamp\":\"%s\",\"journey\":\"%s\",\"model\":\"cust-copilot-1.3.4\",\"prompt_version\":\"2.3.0\",\"dataset_version\":\"golden_2025_09\",\"arm\":\"%s\",\"latency_ms\":%d,\"cost_usd\":%.5f,\"success\":%s,\"guardrail\":{\"toxicity\":false,\"pii\":%s,\"jailbreak\":%s},\"scores\":{\"exact\":%.2f,\"grounded_judge\":%.1f},\"decision\":\"%s\",\"embedding\":[%.3f,%.3f,%.3f,%.3f]}\n",
        arm, i, strftime("%Y-%m-%dT%H:%M:%SZ", ts, 1), jr[1 + i % 3], arm, lat, 0.004 + 0.006 * rand(),
        (rand() < 0.9) ? "true" : "false", (rand() < 0.001) ? "true" : "false", (rand() < 0.002) ? "true" : "false",
        int(rand() * 100) / 100, 3 + int(rand() * 21) / 10, dec[1 + int(rand() * 10)], rand(), rand(), rand() - 0.5, rand() - 0.5;
    }
  }'
}

half=$((events / 2))
if [ ! -f "$out/treatment.jsonl.gz" ] || [ "$(cat "$out/events.txt" 2>/dev/null)" != "$events" ]; then
  echo "generating 2 x $half events ..."
  generate control 7 "$half" 0 > "$out/control.jsonl"
  generate treatment 11 "$half" 10 > "$out/treatment.jsonl"
  gzip -1 -k -f "$out/control.jsonl" "$out/treatment.jsonl"
  echo "$events" > "$out/events.txt"
fi
ls -l "$out"/*.jsonl "$out"/*.gz | awk '{printf "  %s  %d MB\n", $NF, $5 / 1048576}'

# the registry: a workflow whose gate file (as committed at HEAD) has the canary and SLO sections
repo="$out/registry"
rm -rf "$repo"
git init -q "$repo" && "$REG" -C "$repo" init >/dev/null
cat > "$repo/registry/registry.yaml" <<'YAML'
registry: 1
workflows:
  support_copilot:
    components: [prompt/billing_refund]
    gate: gates/support_copilot.yaml
YAML
mkdir -p "$repo/registry/gates"
cat > "$repo/registry/gates/support_copilot.yaml" <<'YAML'
canary:
  split: 0.5
  min_events: 500
  bars:
    - {metric: grounded_judge, min_uplift: 0.01, relative: true}
    - {metric: cost_usd, max_increase: 0.05, relative: true}
    - {metric: guardrail.jailbreak, no_regression: true}
    - {metric: grounded_judge, stop_loss: -0.05, relative: true}
slo:
  objective: 0.995
  window: 30d
  good: success && latency_ms <= 1200 && severity != sev1
YAML
git -C "$repo" add -A && git -C "$repo" commit -q -m "online gate sections"

# runs one step; prints "<label>  <wall s>  <cpu s>  <peak RSS MB>  <wall and cpu ratios to the last zcat | wc -l>"
# The machine may be shared: each readout is timed right after its own zcat | wc -l baseline, and CPU
# seconds (user + sys, all threads) are printed too, as they do not depend on what else runs.
base_wall=""
base_cpu=""
step() {
  local label="$1"; shift
  local t="$out/time.txt"
  # reg exits 1 for a readout that says no (continue, red, page): that is a result, not a failure
  local code=0
  REG_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" > "$out/step.out" 2> "$out/step.err" || code=$?
  [ "$code" -le 1 ] || { cat "$out/step.err" >&2; exit 1; }
  read -r wall user sys kb < <(tail -1 "$t")
  local cpu
  cpu=$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) + float(sys.argv[2])))" "$user" "$sys")
  if [ "$label" = "zcat | wc -l" ]; then
    base_wall="$wall"
    base_cpu="$cpu"
  fi
  printf '%-52s %8.2f s wall %8.2f s cpu %6d MB peak RSS   %5sx wall %5sx cpu\n' "$label" "$wall" "$cpu" "$((kb / 1024))" \
    "$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$wall" "$base_wall")" \
    "$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$cpu" "$base_cpu")"
}
reg=("$REG" -C "$repo")
gz=("$out/control.jsonl.gz" "$out/treatment.jsonl.gz")
zcat_wc() { step "zcat | wc -l" bash -c "zcat '${gz[0]}' '${gz[1]}' | wc -l"; }

echo "timing ($events events, heap -Xmx$heap, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) ..."
zcat_wc
step "wc -l control.jsonl treatment.jsonl (plain)" wc -l "$out/control.jsonl" "$out/treatment.jsonl"
zcat_wc
step "reg canary (gzip)" "${reg[@]}" canary support_copilot --control "${gz[0]}" --treatment "${gz[1]}"
cp "$out/step.out" "$out/canary.txt"
zcat_wc
step "reg canary (plain)" "${reg[@]}" canary support_copilot --control "$out/control.jsonl" --treatment "$out/treatment.jsonl"
zcat_wc
step "reg drift (reference control.gz, current treatment.gz)" "${reg[@]}" drift support_copilot --reference "${gz[0]}" --current "${gz[1]}"
cp "$out/step.out" "$out/drift.txt"
zcat_wc
step "reg budget (gzip)" "${reg[@]}" budget support_copilot --events "${gz[0]}" --events "${gz[1]}"
cp "$out/step.out" "$out/budget.txt"
echo "load after: $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "canary readout:"; sed 's/^/  /' "$out/canary.txt"
echo "drift:"; head -4 "$out/drift.txt" | sed 's/^/  /'
echo "budget:"; head -4 "$out/budget.txt" | sed 's/^/  /'
