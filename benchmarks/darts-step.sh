#!/usr/bin/env bash
# One DARTS search step (architecture step + weight step) of the `darts` supernet with C=8,
# 5 layers, 4 nodes, batch 64, on 1x28x28 Fashion-MNIST: seconds per step and peak memory, first
# and second order, and the same step of GDAS (one sampled path per pass). Each run searches
# 2 epochs of STEPS steps; the first epoch warms up and the second is measured.
#
#   benchmarks/darts-step.sh [STEPS] [ORDERS]     (defaults: 10 steps, orders "1 2")
#
# ORDERS lists the runs: 1 and 2 are DARTS's orders, gdas is GDAS (e.g. "1 gdas"); `enas`
# is ENAS's shared-weight step and `spos` one single-path one-shot weight step on the same
# supernet and data.
#
# Threads: the launcher's defaults (PyTorch intra-op threads = cores, one inter-op thread,
# ONEDNN_MAX_CPU_ISA from its kernel check), but OMP_WAIT_POLICY=PASSIVE unless set: the launcher's ACTIVE
# (spinning) OpenMP threads made a SPOS step 15 times slower on the shared 2-core machine
# (docs/benchmarks.md, "OpenMP wait policy"). Needs python3 to summarise the JSON results.
set -euo pipefail
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
steps="${1:-10}"
orders="${2:-1 2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for order in $orders; do
    if [ "$order" = enas ]; then
        # ENAS's shared-weight step: one weight step through the single path of a sampled
        # architecture (the controller's steps and the derivation are kept to one each, so that
        # the process's peak memory is the weight steps').
        "$root/nas" search --space darts --space-opt channels=8 --space-opt layers=5 \
            --space-opt nodes=4 --strategy enas --strategy-opt controller-steps=1 \
            --strategy-opt derive-samples=1 --strategy-opt validation-batches=1 \
            --epochs 2 --max-train-examples $((steps * 64 * 2)) --seed 1 \
            --out "$work/enas" --json >"$work/result-enas.json" 2>"$work/progress-enas.log"
        "$root/nas" epochs "$work/enas" --json >"$work/epochs-enas.json"
        python3 - "$work/result-enas.json" "$work/epochs-enas.json" "$steps" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
measured = json.load(open(sys.argv[2]))[-1]["metrics"]
weight = measured["weightStepSeconds"]
sample = measured["sampleSeconds"]
memory = result["peakMemory"]
print(f"enas: {weight:.2f} s per shared-weight step, {sample:.2f} s per controller sample (mean"
      f" of {sys.argv[3]} steps after a warm-up epoch); peak RSS"
      f" {memory.get('processResidentMiB', float('nan')):.0f} MiB,"
      f" peak heap {memory['jvmHeapMiB']:.0f} MiB")
PY
        continue
    fi
    if [ "$order" = spos ]; then
        # SPOS: one weight step on one uniformly sampled path (no architecture step); the
        # evolution after each epoch scores a single candidate on one batch, so that the peak is
        # the training step's.
        "$root/nas" search --space darts --space-opt channels=8 --space-opt layers=5 \
            --space-opt nodes=4 --strategy spos --strategy-opt evolution-candidates=1 \
            --strategy-opt epoch-candidates=1 --strategy-opt recalibration-batches=1 \
            --strategy-opt validation-batches=1 \
            --epochs 2 --max-train-examples $((steps * 64 * 2)) --seed 1 \
            --out "$work/spos" --json >"$work/result-spos.json" 2>"$work/progress-spos.log"
        "$root/nas" epochs "$work/spos" --json >"$work/epochs-spos.json"
        python3 - "$work/result-spos.json" "$work/epochs-spos.json" "$steps" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
measured = json.load(open(sys.argv[2]))[-1]["metrics"]
memory = result["peakMemory"]
print(f"spos: {measured['weightStepSeconds']:.2f} s per step (weight step on one sampled path;"
      f" mean of {sys.argv[3]} steps after a warm-up epoch);"
      f" peak RSS {memory.get('processResidentMiB', float('nan')):.0f} MiB,"
      f" peak heap {memory['jvmHeapMiB']:.0f} MiB")
PY
        continue
    fi
    if [[ $order == gdas ]]; then
        strategy=(--strategy gdas)
    else
        strategy=(--strategy darts --strategy-opt "order=$order"
            --strategy-opt max-skip-connections=-1)
    fi
    "$root/nas" search --space darts --space-opt channels=8 --space-opt layers=5 \
        --space-opt nodes=4 "${strategy[@]}" --strategy-opt validation-batches=1 \
        --epochs 2 --max-train-examples $((steps * 64 * 2)) --seed 1 \
        --out "$work/order-$order" --json >"$work/result-$order.json" 2>"$work/progress-$order.log"
    "$root/nas" epochs "$work/order-$order" --json >"$work/epochs-$order.json"
    python3 - "$work/result-$order.json" "$work/epochs-$order.json" "$order" "$steps" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
measured = json.load(open(sys.argv[2]))[-1]["metrics"]
arch = measured["architectureStepSeconds"]
weight = measured["weightStepSeconds"]
memory = result["peakMemory"]
name = "gdas" if sys.argv[3] == "gdas" else f"darts order {sys.argv[3]}"
print(f"{name}: {arch + weight:.2f} s per step (architecture {arch:.2f} s,"
      f" weight {weight:.2f} s; mean of {sys.argv[4]} steps after a warm-up epoch);"
      f" peak RSS {memory.get('processResidentMiB', float('nan')):.0f} MiB,"
      f" peak heap {memory['jvmHeapMiB']:.0f} MiB")
PY
done
