#!/usr/bin/env bash
# Builds a registry with one workflow, support_copilot, released RELEASES times: RELEASES versions of
# prompt/billing_refund (a commit and a version tag each), a ledger of RELEASES releases with a
# decision memo each (one in ten held, the others tagged release/support_copilot/N), padded with
# other artifacts' version tags (50 each) to TAGS tags in all; one git fast-import. The shape
# reg history and reg rollback read at scale.
#   usage: make-release-history.sh DIR RELEASES TAGS
set -euo pipefail
repo="$1"
RELEASES="$2"
TAGS="$3"
mkdir -p "$repo"
git -C "$repo" init -q -b main
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
