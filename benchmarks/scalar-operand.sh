#!/usr/bin/env bash
# The reproducer of docs/numerics.md: plain DJL and PyTorch (no djl-nas code) count wrong
# gradients of sum(x * 2.5) when the 2.5 is a Java number, an array from manager.create closed at
# once or kept open until after backward, or an engine-made array (manager.full) closed at once;
# with no garbage collection, System.gc() between forward and backward, or that and reuse of the
# freed memory; with each oneDNN instruction set given; and once in a JVM that never collects
# (EpsilonGC). Uses the class path of engines/pytorch's tests (mvn -o, no install).
#
#   benchmarks/scalar-operand.sh [ITERATIONS] [ISA...]     (defaults: 2000, SSE41 ALL)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
iterations="${1:-2000}"
shift $(($# > 0 ? 1 : 0))
isas=("$@")
[[ ${#isas[@]} -gt 0 ]] || isas=(SSE41 ALL)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -B -o -q -pl engines/pytorch dependency:build-classpath \
    -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >/dev/null)
class_path="$(cat "$work/cp")"
javac -cp "$class_path" -d "$work" "$root/benchmarks/numerics/ScalarOperandRepro.java"

export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
# As the nas launcher.
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296
java_opts=(-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
    -cp "$class_path:$work")
echo "CPU flags: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "load: $(uptime)"
for isa in "${isas[@]}"; do
    for operand in number created kept full; do
        for pressure in none gc gcfill; do
            ONEDNN_MAX_CPU_ISA="$isa" java "${java_opts[@]}" ScalarOperandRepro \
                "$iterations" "$operand" "$pressure" 2>/dev/null | grep '^operand='
        done
    done
done
echo "EpsilonGC (never collects, never frees a direct buffer):"
for operand in number created; do
    ONEDNN_MAX_CPU_ISA="${isas[-1]}" java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx4g \
        "${java_opts[@]}" ScalarOperandRepro "$iterations" "$operand" gcfill 2>/dev/null | grep '^operand='
done
