#!/usr/bin/env bash
# Checksums of large files: `reg bump dataset big patch --allow-unchanged` (which hashes the
# work-tree file to write its checksum, then commits and tags) against `sha256sum` on the same file,
# in one run, with a 64 MB heap to show the hashing streams in constant memory. SIZE_MB sets the
# file size (default 1024).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
size_mb="${SIZE_MB:-1024}"
out="$bench_root/bench/out/checksum"
rm -rf "$out"
mkdir -p "$out"
REG_ARCHIVE=sync "$REG" --version >/dev/null   # builds the jar and the archive first

echo "building a ${size_mb} MB dataset ..."
"$REG" init "$out/repo" >/dev/null
head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$out/big.bin"
"$REG" -C "$out/repo" add dataset big "$out/big.bin" --version 1.0.0 >/dev/null
file="$out/repo/registry/datasets/big/big.bin"

t_sum=$(median_seconds 5 "sha256sum $file")
t_reg=$(median_seconds 5 "REG_JAVA_OPTS=-Xmx64m $REG -C $out/repo bump dataset big patch --allow-unchanged -m again")
t_jvm=$(median_seconds 5 "$REG --version")
state=$("$REG" -C "$out/repo" show dataset/big | head -1)

printf '%-45s %8s s\n' "sha256sum (${size_mb} MB)" "$t_sum"
printf '%-45s %8s s   (then: %s)\n' "reg bump dataset/big (hash + commit + tag), -Xmx64m" "$t_reg" "$state"
printf '%-45s %8s s\n' "reg --version (JVM start-up)" "$t_jvm"
echo "ratio reg / sha256sum:                 $(ratio "$t_reg" "$t_sum")"
echo "ratio (reg - start-up) / sha256sum:    $(python3 -c "print('%.2f' % (($t_reg - $t_jvm) / $t_sum))")"
echo "throughput: reg $(python3 -c "print('%.0f' % ($size_mb / ($t_reg - $t_jvm)))") MB/s, sha256sum $(python3 -c "print('%.0f' % ($size_mb / $t_sum))") MB/s"
