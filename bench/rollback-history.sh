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

export GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
export HOME="$work/home"
rm -rf "$work"
mkdir -p "$HOME" "$repo"
printf '[user]\n\tname = Bench\n\temail = bench@example.com\n' > "$HOME/.gitconfig"

echo "generating: $RELEASES releases, $TAGS tags ..." >&2
git -C "$repo" init -q -b main
gen_start=$(date +%s)
awk -v R="$RELEASES" -v T="$TAGS" '
function data(s) { printf "data %d\n%s\n", length(s), s }
function file(path, s) { printf "M 100644 inline %s\n", path; data(s) }
function hex(prefix, i) { return prefix sprintf("%0" (64 - length(prefix)) "d", i) }
function held(i) { return i % 10 == 5 }
BEGIN {
  who = "Bench <bench@example.com> 1767225600 +0000"
  for (k = 1; k <= R; k++) {
    v = "1." (k - 1) ".0"
    printf "commit refs/heads/main\nmark :%d\ncommitter %s\n", k, who
    data("prompt/billing_refund@" v)
    if (k == 1) {
      printf "deleteall\n"
      file("registry/registry.yaml", "registry: 1\nworkflows:\n  support_copilot:\n    components: [model/cust-copilot, prompt/billing_refund, dataset/golden]\n")
      file(".adr-dir", "adr\n")
      file("registry/models/cust-copilot/model.json", "{\"provider\": \"openai\"}\n")
      file("registry/models/cust-copilot/artifact.yaml", "id: cust-copilot\nkind: model\nversion: 1.0.0\nfiles:\n  - model.json\nchecksums:\n  model.json: sha256:" hex("e", 1) "\ndigest: sha256:" hex("b", 1) "\n")
      file("registry/datasets/golden/cases.jsonl", "{\"id\": \"FAQ-001\"}\n")
      file("registry/datasets/golden/artifact.yaml", "id: golden\nkind: dataset\nversion: 1.0.0\nfiles:\n  - cases.jsonl\nchecksums:\n  cases.jsonl: sha256:" hex("e", 2) "\ndigest: sha256:" hex("d", 1) "\n")
    }
    file("registry/prompts/billing_refund/template.md", "Answer refund questions, revision " k ".\n")
    file("registry/prompts/billing_refund/artifact.yaml", "id: billing_refund\nkind: prompt\nversion: " v "\nfiles:\n  - template.md\nchecksums:\n  template.md: sha256:" hex("f", k) "\ndigest: sha256:" hex("a", k) "\n")
  }
  # the ledger and one memo per release, in the last commit
  ledger = "workflow: support_copilot\nreleases:\n"
  printf "commit refs/heads/main\nmark :%d\ncommitter %s\n", R + 1, who
  data("ledger and memos")
  for (i = 1; i <= R; i++) {
    v = "1." (i - 1) ".0"
    adr = sprintf("adr/%04d-release-support-copilot-%d.md", i + 1, i)
    ledger = ledger "  - n: " i "\n    status: " (held(i) ? "held" : "shipped") "\n"
    ledger = ledger "    composite: model/cust-copilot@1.0.0 + prompt/billing_refund@" v " + dataset/golden@1.0.0\n"
    ledger = ledger "    digest: sha256:" hex("c", i) "\n    components:\n"
    ledger = ledger "      - {artifact: model/cust-copilot, version: 1.0.0, digest: sha256:" hex("b", 1) "}\n"
    ledger = ledger "      - {artifact: prompt/billing_refund, version: " v ", digest: sha256:" hex("a", i) "}\n"
    ledger = ledger "      - {artifact: dataset/golden, version: 1.0.0, digest: sha256:" hex("d", 1) "}\n"
    ledger = ledger "    decided: '2026-01-01T00:00:00Z'\n    actor: Bench <bench@example.com>\n    run: run-" i "\n"
    ledger = ledger "    gate: " (held(i) ? "fail" : "pass") "\n    adr: " adr "\n    tagged: " (held(i) ? "false" : "true") "\n"
    file(adr, "# " (i + 1) ". Release support_copilot " i "\n\n- Status: " (held(i) ? "rejected" : "accepted") "\n- Date: 2026-01-01\n\n## Status\n\n" (held(i) ? "Rejected" : "Accepted") "\n\n## Context and Problem Statement\n\nRelease " i ".\n")
  }
  file("registry/releases/support_copilot.yaml", ledger)
  tags = 0
  printf "tag model/cust-copilot@1.0.0\nfrom :1\ntagger %s\n", who; data("first\n\nReg-Digest: sha256:" hex("b", 1)); tags++
  printf "tag dataset/golden@1.0.0\nfrom :1\ntagger %s\n", who; data("first\n\nReg-Digest: sha256:" hex("d", 1)); tags++
  for (k = 1; k <= R; k++) {
    printf "tag prompt/billing_refund@1.%d.0\nfrom :%d\ntagger %s\n", k - 1, k, who; data("revision\n\nReg-Digest: sha256:" hex("a", k)); tags++
  }
  for (i = 1; i <= R; i++) {
    if (held(i)) continue
    printf "tag release/support_copilot/%d\nfrom :%d\ntagger %s\n", i, i, who
    data("Release support_copilot " i "\n\nReg-Workflow: support_copilot\nReg-Release: " i "\nReg-Decision: ship\n"); tags++
  }
  # other artifacts: 50 versions each, as in a registry of 2,000 artifacts
  for (f = 0; tags < T; f++) {
    for (j = 0; j < 50 && tags < T; j++) {
      printf "tag prompt/other-%04d@1.%d.0\nfrom :1\ntagger %s\n", f, j, who; data("other\n\nReg-Digest: sha256:" hex("9", f * 50 + j)); tags++
    }
  }
}' | git -C "$repo" fast-import --quiet
git -C "$repo" pack-refs --all
git -C "$repo" reset -q --hard main
echo "generated in $(( $(date +%s) - gen_start ))s: $(git -C "$repo" for-each-ref refs/tags | wc -l) tags, $(git -C "$repo" for-each-ref 'refs/tags/release/' | wc -l) release tags" >&2

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { local i; for ((i = 0; i < RUNS; i++)); do ms "$@"; done | median; }

"$reg" --version >/dev/null                                    # builds the jar and the CDS archive if needed
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
