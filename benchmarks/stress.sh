#!/usr/bin/env bash
# Stress benchmark of issue 21: retrains small NAS-Bench-201 networks over several cells and seeds
# with one oneDNN instruction set, one process per run, and counts the training steps whose
# gradients were not finite (`skippedSteps` in each result) and the runs that failed (a NaN loss,
# or too many skipped steps). Until 2026-12-07 the launcher's instruction set (SSE41) was to change
# only if this showed zero of both with the fast kernels over thousands of steps; since then a
# kernel check per CPU chooses it (docs/numerics.md).
#
#   benchmarks/stress.sh [SEEDS] [EPOCHS] [EXAMPLES] [ISA]
#       (defaults: 3 seeds, 4 epochs, 1024 training examples, ALL)
#
# Steps per run = EPOCHS * EXAMPLES / batch size (the recipe's, 64 by default); the defaults give
# 4 cells x 3 seeds x 64 = 768 steps. Needs python3 to read the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
seeds="${1:-3}"
epochs="${2:-4}"
examples="${3:-1024}"
isa="${4:-ALL}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The cell that diverged on 2026-11-27 first, then three others mixing pooling and convolutions.
cells=(
    '|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|'
    '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
    '|nor_conv_1x1~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|nor_conv_3x3~0|skip_connect~1|avg_pool_3x3~2|'
    '|avg_pool_3x3~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_3x3~1|skip_connect~2|'
)

echo "CPU flags: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "load: $(uptime)"
echo "ONEDNN_MAX_CPU_ISA=$isa seeds=$seeds epochs=$epochs examples=$examples"
export ONEDNN_MAX_CPU_ISA="$isa"
export NAS_JAVA_OPTS="${NAS_JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=1"
export OMP_NUM_THREADS=1
runs=0
failed=0
for c in "${!cells[@]}"; do
    "$root/nas" arch --space nas-bench-201 --benchmark-string "${cells[$c]}" --input 3,32,32 \
        --json >"$work/arch$c.json"
    for ((seed = 1; seed <= seeds; seed++)); do
        runs=$((runs + 1))
        out="$work/run-$c-$seed.json"
        if "$root/nas" retrain --space nas-bench-201 --space-opt channels=6 --space-opt cells=1 \
            --arch "$(cat "$work/arch$c.json")" --epochs "$epochs" \
            --max-train-examples "$examples" --seed "$seed" --out "$work/out-$c-$seed" --json \
            >"$out" 2>"$out.err"; then
            skipped="$(python3 -c '
import json, sys
def find(node):
    if isinstance(node, dict):
        if "skippedSteps" in node:
            return node["skippedSteps"]
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            found = find(item)
            if found is not None:
                return found
    return None
print(int(find(json.load(open(sys.argv[1]))) or 0))' "$out")"
            echo "cell $c seed $seed: skipped steps $skipped"
        else
            failed=$((failed + 1))
            echo "cell $c seed $seed: FAILED: $(tail -n 1 "$out.err")"
            skipped=0
        fi
        echo "$skipped" >>"$work/skipped"
    done
done
total_skipped="$(paste -sd+ "$work/skipped" | bc)"
echo "runs $runs, failed $failed, skipped steps $total_skipped (steps per run: epochs x examples / batch)"
