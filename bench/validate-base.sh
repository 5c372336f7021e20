#!/usr/bin/env bash
# Benchmark: `reg validate --base` on a pull request that changes one artifact of a large registry,
# against a full `reg validate` of the same registry, measured in the same run and printed as a
# ratio (target: under 0.2). Usage: bench/validate-base.sh [ARTIFACTS] [RUNS]   (default 5000, 3)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5000}"
runs="${2:-3}"
reg="${REG:-$here/reg}"
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "keeping $work" >&2 || trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" NO_COLOR=1
mkdir -p "$HOME"
git config --global user.name bench && git config --global user.email bench@example.com
git config --global init.defaultBranch main && git config --global tag.gpgSign false && git config --global commit.gpgSign false

repo="$work/registry"
mkdir -p "$repo" && cd "$repo"
REG_ARCHIVE=sync "$reg" --version >/dev/null   # builds the jar and the archive first
"$reg" init >/dev/null

echo "building a registry of $n artifacts ..." >&2
t0=$(date +%s)
mkdir -p "$work/digest-lines"
for ((i = 1; i <= n; i++)); do
  name=$(printf 'p%05d' "$i")
  mkdir -p "registry/prompts/$name"
  printf 'Prompt %d: answer from {{policy_snippets}}.\n' "$i" > "registry/prompts/$name/template.md"
done
# sha256 of every template in one sha256sum run, then each artifact's digest over its "path\0hex\n" line
declare -A sum
while read -r hex path; do
  name=${path#registry/prompts/}; name=${name%/template.md}
  sum[$name]=$hex
  printf 'template.md\0%s\n' "$hex" > "$work/digest-lines/$name"
done < <(find registry/prompts -name template.md -print0 | xargs -0 sha256sum)
declare -A digest
while read -r hex path; do
  digest[${path##*/}]=$hex
done < <(cd "$work/digest-lines" && find . -type f -print0 | xargs -0 sha256sum)
for name in "${!sum[@]}"; do
  printf 'id: %s\nkind: prompt\nversion: 1.0.0\nfiles:\n  - template.md\nchecksums:\n  template.md: sha256:%s\ndigest: sha256:%s\nchangelog:\n  - version: 1.0.0\n    date: "2026-11-20"\n    summary: first version\n' \
    "$name" "${sum[$name]}" "${digest[$name]}" > "registry/prompts/$name/artifact.yaml"
done
cat > registry/registry.yaml <<'YAML'
registry: 1
workflows:
  copilot:
    components: [prompt/p00001, prompt/p00002, prompt/p00003]
    gate: gates/copilot.yaml
YAML
mkdir -p registry/gates registry/evals
printf 'gates:\n  - {metric: exact, agg: mean, min: 0.8}\n' > registry/gates/copilot.yaml
printf '{"format": "reg.eval-run/1", "id": "run-1", "metrics": {"exact": {"type": "score"}}, "cases": []}\n' > registry/evals/run-1.json
git add -A && git commit -qm "registry of $n artifacts"
commit=$(git rev-parse HEAD)
# one annotated tag per artifact, written in one fast-import run, then packed like reg's own refs
for name in "${!digest[@]}"; do
  msg=$(printf 'first version\n\nReg-Digest: sha256:%s\n' "${digest[$name]}")
  printf 'tag prompt/%s@1.0.0\nfrom %s\ntagger bench <bench@example.com> 1795000000 +0000\ndata %d\n%s\n' \
    "$name" "$commit" "$(( ${#msg} + 1 ))" "$msg"
done | git fast-import --quiet
git pack-refs --all
echo "built in $(( $(date +%s) - t0 )) s: $(git tag | wc -l) tags" >&2

# the pull request: one artifact changed and bumped with reg
git checkout -q -b pr
changed=$(printf 'p%05d' $(( n / 2 )))
printf 'Cite the policy.\n' >> "registry/prompts/$changed/template.md"
"$reg" bump prompt "$changed" minor -m "bench change" >/dev/null

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
best() { local b=""; for ((r = 0; r < runs; r++)); do t=$(ms "$@"); if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi; done; echo "$b"; }

"$reg" validate >/dev/null || { echo "full validate found errors; the generated registry is wrong" >&2; "$reg" validate | tail -5 >&2; exit 1; }
"$reg" validate --base main >/dev/null || { echo "validate --base found errors" >&2; exit 1; }
full=$(best "$reg" validate)
base=$(best "$reg" validate --base main)
refs=$(best git for-each-ref)
echo "artifacts:                    $n"
echo "reg validate (full):          ${full} ms"
echo "reg validate --base main:     ${base} ms   (1 artifact changed)"
echo "git for-each-ref (reference): ${refs} ms"
awk -v b="$base" -v f="$full" 'BEGIN { r = b / f; printf "ratio base/full:              %.3f  (target < 0.2: %s)\n", r, (r < 0.2 ? "met" : "NOT met") }'
