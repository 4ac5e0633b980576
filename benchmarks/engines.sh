#!/usr/bin/env bash
# The same work on each engine, side by side, with the launcher's thread settings:
#   1. a training step of a NAS-Bench-201 network (C=8, 1 cell per stage, batch 64, 1x28x28):
#      median ms per step and the process's peak RSS, one process per engine;
#   2. a first-order DARTS search step of the `darts` supernet (C=8, 5 layers, 4 nodes, batch 64):
#      seconds per step and peak RSS, one search per engine (as benchmarks/darts-step.sh);
#   3. inference latency per batch of the same network, trained weights exported from PyTorch,
#      on PyTorch and MXNet (DJL blocks) and TensorFlow (the SavedModel through DJL).
# Engines alternate within each round, since this machine's speed drifts (docs/benchmarks.md).
#
#   benchmarks/engines.sh [ROUNDS] [DARTS_STEPS]     (defaults: 2 rounds, 4 DARTS steps)
#
# Needs python3 to summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-2}"
darts_steps="${2:-4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "threads: OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-ACTIVE} (launcher default), PyTorch intra-op = cores,"
echo "inter-op 1, ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-from the kernel check}; MXNet MXNET_OMP_MAX_THREADS=${MXNET_OMP_MAX_THREADS:-1}"
for round in $(seq 1 "$rounds"); do
    for engine in PyTorch MXNet; do
        "$root/nas" bench-engine training --engine "$engine" --steps 30 \
            >"$work/train-$engine-$round.json" 2>>"$work/log"
        "$root/nas" search --engine "$engine" --space darts --space-opt channels=8 \
            --space-opt layers=5 --space-opt nodes=4 --strategy darts \
            --strategy-opt validation-batches=1 --strategy-opt max-skip-connections=-1 \
            --epochs 2 --max-train-examples $((darts_steps * 64 * 2)) --seed 1 \
            --out "$work/darts-$engine-$round" --json >"$work/darts-$engine-$round.json" 2>>"$work/log"
        "$root/nas" epochs "$work/darts-$engine-$round" --json >"$work/epochs-$engine-$round.json"
    done
    "$root/nas" bench-engine inference --steps 30 >"$work/inference-$round.json" 2>>"$work/log"
done

python3 - "$work" "$rounds" <<'PY'
import json, sys, statistics
work, rounds = sys.argv[1], int(sys.argv[2])
def load(name): return json.load(open(f"{work}/{name}.json"))
print("\n| engine | training step (ms) | peak RSS (MiB) | DARTS step (s) | peak RSS (MiB) |")
print("|---|---|---|---|---|")
for engine in ["PyTorch", "MXNet"]:
    train = [load(f"train-{engine}-{r}") for r in range(1, rounds + 1)]
    darts = [load(f"darts-{engine}-{r}") for r in range(1, rounds + 1)]
    epochs = [load(f"epochs-{engine}-{r}")[-1]["metrics"] for r in range(1, rounds + 1)]
    step = statistics.mean(t["msPerStep"] for t in train)
    rss = max(t["peakMemory"].get("processResidentMiB", float("nan")) for t in train)
    darts_step = statistics.mean(e["architectureStepSeconds"] + e["weightStepSeconds"] for e in epochs)
    darts_rss = max(d["peakMemory"].get("processResidentMiB", float("nan")) for d in darts)
    version = train[0]["engineVersion"]
    print(f"| {engine} {version} | {step:.1f} | {rss:.0f} | {darts_step:.2f} | {darts_rss:.0f} |")
inference = [load(f"inference-{r}") for r in range(1, rounds + 1)]
print(f"\ninference, batch {inference[0]['batch']}, median ms per batch (mean over rounds):")
for engine in inference[0]["msPerBatch"]:
    print(f"  {engine}: {statistics.mean(i['msPerBatch'][engine] for i in inference):.2f}")
PY
