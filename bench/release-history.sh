# The release-history registry of bench/rollback-history.sh, for the benchmarks that read one, and
# their timing helpers. Sourced.
#
#   release_history_bench WORK     # fresh WORK/, HOME=WORK/home with a bench identity, WORK/repo generated
#   make_release_history REPO      # env: RELEASES (1,000), TAGS (100,000), EVAL_CASES (0)
#   measure CMD…                   # median wall time of RUNS runs, ms
#
# One commit per prompt version, then one commit with the ledger of RELEASES releases of
# support_copilot (every tenth one held) and a decision memo each; RELEASES release tags and
# version tags up to TAGS in all, packed. With EVAL_CASES > 0 the last commit also holds the
# gate file and, per release, the eval run it was gated on with EVAL_CASES cases.
make_release_history() {
  local repo="$1"
  RELEASES=${RELEASES:-1000}
  TAGS=${TAGS:-100000}
  echo "generating: $RELEASES releases, $TAGS tags${EVAL_CASES:+, eval runs of $EVAL_CASES cases} ..." >&2
  git -C "$repo" init -q -b main
  local gen_start
  gen_start=$(date +%s)
  awk -v R="$RELEASES" -v T="$TAGS" -v E="${EVAL_CASES:-0}" '
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
    # with E > 0: the eval run each release was gated on (E cases each) and the gate file, as reg report reads them
    if (E > 0) {
      file("registry/gates/support_copilot.yaml", "gates:\n  - {metric: exact, agg: mean, min: 0.80}\n  - {metric: latency_ms, agg: p95, max: 1200}\n  - {metric: cost_usd, agg: mean, max: 0.012}\n  - {metric: exact, agg: mean, max_drop: 0.05, vs: baseline}\n")
      for (i = 1; i <= R; i++) {
        v = "1." (i - 1) ".0"
        srand(i)
        base = held(i) ? 0.70 : 0.82 + 0.08 * rand()
        cases = ""; passed = 0
        for (k = 1; k <= E; k++) {
          x = base + 0.25 * (rand() - 0.5); if (x > 1) x = 1; if (x < 0) x = 0
          ok = x >= 0.7 ? "true" : "false"; if (ok == "true") passed++
          cases = cases (k > 1 ? ",\n" : "") sprintf("{\"id\": \"CASE-%04d\", \"trial\": 1, \"slice\": {\"domain\": \"Support\"}, \"pass\": %s, \"scores\": {\"exact\": %.3f}, \"latency_ms\": %d, \"cost_usd\": %.4f}", k, ok, x, 500 + int(700 * rand()), 0.004 + 0.006 * rand())
        }
        file("registry/evals/run-" i ".json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-" i "\", \"created\": \"2026-01-01T00:00:00Z\", \"source\": {\"tool\": \"bench\", \"file\": \"bench.jsonl\", \"sha256\": \"sha256:" hex("e", 100 + i) "\", \"importer\": \"bench/1\"}, \"subject\": {\"workflow\": \"support_copilot\", \"composite\": \"model/cust-copilot@1.0.0 + prompt/billing_refund@" v " + dataset/golden@1.0.0\", \"digest\": \"sha256:" hex("c", i) "\", \"components\": [{\"artifact\": \"model/cust-copilot\", \"version\": \"1.0.0\", \"digest\": \"sha256:" hex("b", 1) "\"}, {\"artifact\": \"prompt/billing_refund\", \"version\": \"" v "\", \"digest\": \"sha256:" hex("a", i) "\"}, {\"artifact\": \"dataset/golden\", \"version\": \"1.0.0\", \"digest\": \"sha256:" hex("d", 1) "\"}]}, \"metrics\": {\"pass\": {\"type\": \"binary\", \"scale\": [0, 1], \"higher_is_better\": true}, \"exact\": {\"type\": \"score\", \"scale\": [0, 1], \"higher_is_better\": true}, \"latency_ms\": {\"type\": \"latency\", \"higher_is_better\": false, \"unit\": \"ms\"}, \"cost_usd\": {\"type\": \"cost\", \"higher_is_better\": false, \"unit\": \"USD\"}}, \"summary\": {\"rows\": " E ", \"cases\": " E ", \"trials\": 1, \"passed\": " passed ", \"failed\": " (E - passed) ", \"errored\": 0, \"skipped\": 0, \"no_verdict\": 0}, \"cases\": [\n" cases "\n]}\n")
      }
    }
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
}

release_history_bench() {
  local work="$1"
  export GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
  export HOME="$work/home"
  rm -rf "$work"
  mkdir -p "$HOME" "$work/repo"
  printf '[user]\n\tname = Bench\n\temail = bench@example.com\n' > "$HOME/.gitconfig"
  make_release_history "$work/repo"
}

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { local i; for ((i = 0; i < RUNS; i++)); do ms "$@"; done | median; }
