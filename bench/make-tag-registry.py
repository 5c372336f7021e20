#!/usr/bin/env python3
"""Builds a registry with N prompt artifacts x V versions each as annotated tags, in one git fast-import.

The artifact folders are committed once; every tag points at that commit. reg reads versions from tag
names, so this is the shape that matters for show/composite/history at scale.
usage: make-tag-registry.py DIR ARTIFACTS VERSIONS
"""
import hashlib, os, subprocess, sys

root, n_art, n_ver = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(root, exist_ok=True)
subprocess.run(["git", "init", "-q", root], check=True)

def sha(b):
    return hashlib.sha256(b).hexdigest()

files = {}
files["registry/registry.yaml"] = b"registry: 1\nworkflows:\n  support_copilot:\n    components: [prompt/p0000]\n"
for a in range(n_art):
    name = "p%04d" % a
    template = ("Prompt %s: answer from {{policy_snippets}}.\n" % name).encode()
    t_sha = sha(template)
    digest = sha(b"template.md\0" + t_sha.encode() + b"\n")
    last = "1.%d.0" % (n_ver - 1)
    changelog = "".join("  - version: 1.%d.0\n    date: 2026-11-20\n    summary: change %d\n" % (v, v)
                        for v in range(n_ver - 1, max(-1, n_ver - 4), -1))
    yaml = ("id: %s\nkind: prompt\nversion: %s\nowner: bench\nfiles: [template.md]\nchecksums:\n  template.md: sha256:%s\n"
            "digest: sha256:%s\nchangelog:\n%srollback_to: 1.%d.0\n" % (name, last, t_sha, digest, changelog, max(0, n_ver - 2)))
    files["registry/prompts/%s/template.md" % name] = template
    files["registry/prompts/%s/artifact.yaml" % name] = yaml.encode()

out = []
def emit(s):
    out.append(s if isinstance(s, bytes) else s.encode())

emit("commit refs/heads/main\nmark :1\ncommitter reg bench <bench@example.com> 1795000000 +0000\ndata 15\nbench registry\n")
for path, data in sorted(files.items()):
    emit("M 100644 inline %s\ndata %d\n" % (path, len(data)))
    emit(data)
    emit("\n")
emit("\n")
for a in range(n_art):
    name = "p%04d" % a
    for v in range(n_ver):
        msg = ("change %d\n\nReg-Digest: sha256:%s\n" % (v, sha(("%s %d" % (name, v)).encode()))).encode()
        emit("tag prompt/%s@1.%d.0\nfrom :1\ntagger reg bench <bench@example.com> 1795000000 +0000\ndata %d\n" % (name, v, len(msg)))
        emit(msg)
        emit("\n")
subprocess.run(["git", "-C", root, "fast-import", "--quiet"], input=b"".join(out), check=True)
subprocess.run(["git", "-C", root, "pack-refs", "--all"], check=True)
subprocess.run(["git", "-C", root, "reset", "-q", "--hard", "main"], check=True)
