#!/usr/bin/env bash
# Start-up of reg against a bare JVM and against git, in one run, as paired medians (bench/paired.py:
# every round runs every command once, in a shuffled order; ratios are medians of per-round ratios).
#
#   java Hello                  the JVM alone: the java and JVM options the launcher chose, no archive
#   reg --version               start-up of reg itself
#   reg show                    on a 10-tag and on a 100,000-tag registry (2,000 artifacts x 50 versions)
#   reg history                 on a workflow with 1,000 releases in 100,000 tags
#   git for-each-ref            listing the refs each of those reads
#
# Targets (issue "reg answers like git"): reg --version within 2x java Hello; reg show on 100,000 tags
# within 3x java Hello; no command slower than before.
#
#   bench/startup.sh                          # the launcher's choice of JVM (a JDK >= 25 when present)
#   REG_JAVA=/usr/lib/jvm/java-17-openjdk-amd64 bench/startup.sh    # force a JVM (here: the CDS path)
#   COMPARE=main bench/startup.sh             # also time the launcher of that revision ("before"),
#                                             # with the same jar, paired in the same rounds
#   COMPARE=main COMPARE_JAR=old/reg.jar ...  # ... with that jar instead (e.g. built from that revision)
#   RUNS=31 bench/startup.sh                  # rounds (default 21); FRESH=1 rebuilds the fixtures
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="$bench_root/bench/out/startup"
runs="${RUNS:-21}"
[ -n "${FRESH:-}" ] && rm -rf "$out"
mkdir -p "$out"

# Fixtures are deterministic: made once, kept between runs.
if [ ! -f "$out/fixtures.done" ]; then
  echo "building fixtures (once) ..." >&2
  rm -rf "$out/small" "$out/big" "$out/history"
  python3 "$bench_root/bench/make-tag-registry.py" "$out/small" 1 10
  python3 "$bench_root/bench/make-tag-registry.py" "$out/big" 2000 50
  "$bench_root/bench/make-release-history.sh" "$out/history" 1000 100000
  touch "$out/fixtures.done"
fi

# The jar and the archive for the JVM the launcher picks, made now (not in the background).
REG_ARCHIVE=sync "$REG" --version >/dev/null
launcher="$(REG_LAUNCHER_PRINT=1 "$REG" --version)"
launcher_value() { sed -n "s/^$1=//p" <<<"$launcher"; }
java="$(launcher_value REG_LAUNCHER_JAVA)"
jvm_options="$(launcher_value REG_LAUNCHER_JVM_OPTIONS)"
status="$(launcher_value REG_LAUNCHER_ARCHIVE_STATUS)"
echo "JVM: $java ($(launcher_value REG_LAUNCHER_JAVA_VERSION)); archive: $status $(launcher_value REG_LAUNCHER_ARCHIVE)" >&2
echo "JVM options: $jvm_options" >&2
case "$status" in aot|cds) ;; *) echo "warning: reg runs without an archive ($status)" >&2 ;; esac

# A bare JVM: Hello, compiled for 17, run with the same java and options.
mkdir -p "$out/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$out/hello/Hello.java"
javac="${java%/java}/javac"
[ -x "$javac" ] || javac=javac
[ -f "$out/hello/Hello.class" ] || "$javac" --release 17 -d "$out/hello" "$out/hello/Hello.java"

commands=(
  "java Hello=$java $jvm_options -cp $out/hello Hello"
  "reg --version=$REG --version"
  "reg show (10 tags)=$REG -C $out/small show prompt/p0000"
  "git for-each-ref (10 tags)=git -C $out/small for-each-ref refs/tags/prompt/p0000@*"
  "reg show (100,000 tags)=$REG -C $out/big show prompt/p1234"
  "git for-each-ref (100,000 tags)=git -C $out/big for-each-ref refs/tags/prompt/p1234@*"
  "reg history (1,000 releases)=$REG -C $out/history history support_copilot"
  "git for-each-ref (1,000 releases)=git -C $out/history for-each-ref refs/tags/release/support_copilot/"
)
if [ -n "${COMPARE:-}" ]; then
  # the launcher of another revision in a layout of its own, with a copy of the same jar
  before="$out/before"
  rm -rf "$before"
  mkdir -p "$before/target"
  git -C "$bench_root" show "$COMPARE:reg" >"$before/reg"
  chmod +x "$before/reg"
  cp "${COMPARE_JAR:-$bench_root/target/reg.jar}" "$before/target/reg.jar"
  "$before/reg" --version >/dev/null   # an earlier launcher may make its archive on first run
  "$before/reg" --version >/dev/null
  commands+=(
    "before: reg --version=$before/reg --version"
    "before: reg show (10 tags)=$before/reg -C $out/small show prompt/p0000"
    "before: reg show (100,000 tags)=$before/reg -C $out/big show prompt/p1234"
    "before: reg history (1,000 releases)=$before/reg -C $out/history history support_copilot"
  )
fi

echo "timing $runs paired rounds of ${#commands[@]} commands ..." >&2
result="$out/result-$(date -u +%Y%m%dT%H%M%SZ).json"
python3 "$bench_root/bench/paired.py" "$runs" "java Hello" "$result" "${commands[@]}"

python3 - "$result" "$java" "$status" <<'EOF'
import json, statistics, sys
data = json.load(open(sys.argv[1]))
res = data["results"]
base = data["base"]

def paired(a, b, key="times_ms"):
    return statistics.median(x / y for x, y in zip(res[a][key], res[b][key]))

git_of = {"reg show (10 tags)": "git for-each-ref (10 tags)", "reg show (100,000 tags)": "git for-each-ref (100,000 tags)",
          "reg history (1,000 releases)": "git for-each-ref (1,000 releases)"}
print("JVM %s, archive: %s; %d paired rounds (medians)" % (sys.argv[2], sys.argv[3], data["rounds"]))
print("wall: elapsed time; CPU: user + system time, which other load on the machine disturbs less")
print("%-36s %8s %7s %8s %11s %7s %11s" % ("command", "wall ms", "x Hello", "CPU ms", "CPU x Hello", "x git", "x before"))
for label, r in res.items():
    if label.startswith("before: "):
        continue
    x_git = "%.1f" % paired(label, git_of[label]) if label in git_of else "-"
    before = "before: " + label
    x_before = "%.2f/%.2f" % (paired(label, before), paired(label, before, "cpu_ms")) if before in res else "-"
    print("%-36s %8.0f %7.2f %8.0f %11.2f %7s %11s" % (label, r["median_ms"], r["ratio_to_base"], r["median_cpu_ms"],
                                                    paired(label, base, "cpu_ms"), x_git, x_before))
for label, r in res.items():
    if label.startswith("before: "):
        print("%-36s %8.0f %7.2f %8.0f %11.2f" % (label, r["median_ms"], r["ratio_to_base"], r["median_cpu_ms"], paired(label, base, "cpu_ms")))
print("(x before: wall/CPU, paired)")

def verdict(label, target):
    x = res[label]["ratio_to_base"]
    return "%-36s %.2f x java Hello (target <= %.1f): %s" % (label, x, target, "met" if x <= target else "NOT met")
print()
print(verdict("reg --version", 2.0))
print(verdict("reg show (100,000 tags)", 3.0))
compared = [l for l in res if "before: " + l in res]
if compared:
    for key, name in (("times_ms", "wall"), ("cpu_ms", "CPU")):
        slower = [l for l in compared if paired(l, "before: " + l, key) > 1.0]
        print("no command slower than before in %s time: %s" % (name, "yes" if not slower else "NO: " + ", ".join(slower)))
print("(all times: %s)" % sys.argv[1])
EOF
