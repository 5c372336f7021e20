#!/usr/bin/env bash
# Remote reads without a clone (DESIGN.md "Working as a team" and section 5: "--remote costs one
# ls-remote plus the objects it needs, never a clone"). A bare remote of 2,000 artifacts x 50
# versions (100,000 tags) served by git daemon on 127.0.0.1; in one run it times `git ls-remote`
# and `git clone --bare` against `reg show --remote` and `reg history --remote` (whole processes,
# through the ./reg launcher), and reg's ls-remote and read-one-file primitives (a small Java main).
# The target (DESIGN.md section 5): a remote read within 2x `git ls-remote` plus JVM start-up.
#
#   bench/remote-read.sh                    # 2000 x 50, 5 runs each (median)
#   ARTIFACTS=200 VERSIONS=50 RUNS=3 bench/remote-read.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="$bench_root/bench/out/remote-read"
runs="${RUNS:-5}"
artifacts="${ARTIFACTS:-2000}"
versions="${VERSIONS:-50}"
rm -rf "$out"
mkdir -p "$out/srv"

echo "building the Java side ..." >&2
(cd "$bench_root" && ./mvnw -B -q package -DskipTests >&2)
(cd "$bench_root" && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/cp.txt" >&2)
cp="$bench_root/target/test-classes:$bench_root/target/classes:$(cat "$out/cp.txt")"
java_cmd="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.home=$HOME -cp $cp dev.reg.bench.RemoteReadBench"

echo "building the remote: $artifacts artifacts x $versions versions ..." >&2
python3 "$bench_root/bench/make-tag-registry.py" "$out/work" "$artifacts" "$versions"
git clone -q --bare "$out/work" "$out/srv/registry.git"
git -C "$out/srv/registry.git" config uploadpack.allowFilter true   # as GitHub and GitLab serve it
tags=$(git -C "$out/srv/registry.git" for-each-ref refs/tags | wc -l)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$out/srv" --export-all \
  >"$out/daemon.log" 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  git ls-remote "git://127.0.0.1:$port/registry.git" HEAD >/dev/null 2>&1 && break
  sleep 0.1
done
url="git://127.0.0.1:$port/registry.git"
last=$((versions - 1))
art=$(printf 'p%04d' $((artifacts / 2)))
ref="refs/tags/prompt/$art@1.$last.0"
file="registry/prompts/$art/artifact.yaml"
echo "remote: $url, $tags tags; reading $file at $ref" >&2

t_ls=$(median_seconds "$runs" "git ls-remote $url")
t_ls_one=$(median_seconds "$runs" "git ls-remote $url 'refs/tags/prompt/$art@*'")
t_clone=$(median_seconds 3 "rm -rf $out/clone && git clone -q --bare $url $out/clone")
clone_size=$(du -sk "$out/clone" | cut -f1)
t_java_ls=$(median_seconds "$runs" "$java_cmd $url ls ''")
t_java_ls_one=$(median_seconds "$runs" "$java_cmd $url ls refs/tags/prompt/$art@")
t_java_read=$(median_seconds "$runs" "$java_cmd $url read $ref $file")
t_jvm=$(median_seconds "$runs" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version")
[ "$($java_cmd "$url" read "$ref" "$file")" = "$(git -C "$out/work" show "$ref:$file")" ] \
  || { echo "the primitive read other content than git show" >&2; exit 1; }

# reg itself: the same answers as in a full clone (checked once), then timed
git clone -q "$url" "$out/fullclone"
for read in "show" "show prompt/$art" "history support_copilot"; do
  a="$($REG -C "$out/fullclone" $read | sed "s#$out/fullclone#LOCATION#")"
  b="$($REG $read --remote "$url" | sed "s#$url#LOCATION#")"
  [ "$a" = "$b" ] || { echo "reg $read --remote differs from reg $read in a clone" >&2; diff <(echo "$a") <(echo "$b") >&2; exit 1; }
done
"$REG" show --remote "$url" >/dev/null   # the launcher's first run makes its CDS/AOT archive
t_reg_start=$(median_seconds "$runs" "$REG --version")
t_reg_show=$(median_seconds "$runs" "$REG show --remote $url")
t_reg_show_one=$(median_seconds "$runs" "$REG show prompt/$art@1.$last.0 --remote $url")
t_reg_hist=$(median_seconds "$runs" "$REG history support_copilot --remote $url")

echo
echo "whole processes ($runs runs, median; $tags tags on the remote):"
printf '  %-60s %8s s\n' "git ls-remote (all refs)" "$t_ls"
printf '  %-60s %8s s\n' "git ls-remote 'refs/tags/prompt/$art@*'" "$t_ls_one"
printf '  %-60s %8s s   (%s KiB)\n' "git clone --bare" "$t_clone" "$clone_size"
printf '  %-60s %8s s\n' "java primitive: ls-remote (all refs)" "$t_java_ls"
printf '  %-60s %8s s\n' "java primitive: ls-remote refs/tags/prompt/$art@" "$t_java_ls_one"
printf '  %-60s %8s s\n' "java primitive: read one file at a tag (blob-less)" "$t_java_read"
printf '  %-60s %8s s\n' "JVM start-up (java -version)" "$t_jvm"
printf '  %-60s %8s s\n' "reg --version (launcher + JVM start-up)" "$t_reg_start"
printf '  %-60s %8s s\n' "reg show --remote (overview: all tags, every artifact.yaml)" "$t_reg_show"
printf '  %-60s %8s s\n' "reg show prompt/$art@1.$last.0 --remote" "$t_reg_show_one"
printf '  %-60s %8s s\n' "reg history support_copilot --remote" "$t_reg_hist"
target=$(python3 -c "print('%.4f' % (2 * $t_ls + $t_reg_start))")
echo "target (2 x git ls-remote + reg start-up):   $target s"
echo "reg show --remote / git clone --bare:        $(ratio "$t_reg_show" "$t_clone")"
echo "reg history --remote / git clone --bare:     $(ratio "$t_reg_hist" "$t_clone")"
echo "reg show --remote / target:                  $(ratio "$t_reg_show" "$target")"
echo "reg history --remote / target:               $(ratio "$t_reg_hist" "$target")"
echo "(reg show --remote - start-up) / git ls-remote:    $(python3 -c "print('%.2f' % (($t_reg_show - $t_reg_start) / $t_ls))")"
echo "(reg history --remote - start-up) / git ls-remote: $(python3 -c "print('%.2f' % (($t_reg_hist - $t_reg_start) / $t_ls))")"
echo "ratio read-one-file / git clone --bare:     $(ratio "$t_java_read" "$t_clone")"
echo "ratio java ls-remote / git ls-remote:       $(ratio "$t_java_ls" "$t_ls")"
echo "read-one-file minus JVM start-up vs git ls-remote: $(python3 -c "print('%.3f s vs %.3f s' % ($t_java_read - $t_jvm, $t_ls))")"
echo
echo "inside one JVM (median of $runs after 2 warm-ups, a fresh connection each):"
$java_cmd "$url" measure "$ref" "$file" "refs/tags/prompt/$art@" "$runs"
