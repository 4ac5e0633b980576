#!/usr/bin/env bash
# The forms of a supernet's mixed operations (docs/engines.md, "Mixed operations"), side by
# side on each engine: a first-order DARTS search step of the `darts` supernet (C=8, 5 layers,
# 4 nodes, batch 64, 1x28x28 Fashion-MNIST), seconds per step, the search's CPU time and the
# process's peak RSS, for MXNet and PyTorch each with the looped, the stacked and the
# matrix-product sum (`-Dnas.mixing-form`). Runs alternate engines and forms within each round,
# since this machine's speed drifts; each search runs 2 epochs of STEPS steps and the second is
# measured.
#
#   benchmarks/mixing-form.sh [STEPS] [ROUNDS] [RUNS]     (defaults: 2 steps, 1 round, all six)
#
# RUNS lists ENGINE:form pairs, e.g. "MXNet:matrix-product PyTorch:looped" (each engine with its
# declared form: MXNet against PyTorch).
#
# Threads: the launcher's, except OMP_WAIT_POLICY=PASSIVE unless set (PyTorch's spinning OpenMP
# threads collapse when other processes share the cores). Needs python3 and GNU time
# (/usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
steps="${1:-2}"
rounds="${2:-1}"
runs="${3:-MXNet:stacked PyTorch:looped MXNet:looped PyTorch:stacked MXNet:matrix-product PyTorch:matrix-product}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "CPU: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "| run | s/step (architecture + weight) | search CPU (s) | peak RSS (MiB) | load at start, end | train loss |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
    for run in $runs; do
        engine="${run%%:*}"
        form="${run##*:}"
        name="$engine-$form-$round"
        load="$(cut -d' ' -f1-3 /proc/loadavg)"
        NAS_JAVA_OPTS="${NAS_JAVA_OPTS:-} -Dnas.mixing-form=$form" \
            /usr/bin/time -o "$work/cpu-$name" -f '%U %S' \
            "$root/nas" search --engine "$engine" --space darts --space-opt channels=8 \
            --space-opt layers=5 --space-opt nodes=4 --strategy darts \
            --strategy-opt validation-batches=1 --strategy-opt max-skip-connections=-1 \
            --epochs 2 --max-train-examples $((steps * 64 * 2)) --seed 1 \
            --out "$work/$name" --json >"$work/result-$name.json" 2>"$work/progress-$name.log"
        "$root/nas" epochs "$work/$name" --json >"$work/epochs-$name.json"
        python3 - "$work" "$name" "$load" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
work, name, start, end = sys.argv[1:5]
result = json.load(open(f"{work}/result-{name}.json"))
metrics = json.load(open(f"{work}/epochs-{name}.json"))[-1]["metrics"]
arch, weight = metrics["architectureStepSeconds"], metrics["weightStepSeconds"]
cpu = sum(float(t) for t in open(f"{work}/cpu-{name}").read().split()[-2:])
rss = result["peakMemory"].get("processResidentMiB", float("nan"))
print(f"| {name} | {arch + weight:.2f} ({arch:.2f} + {weight:.2f}) | {cpu:.0f} | {rss:.0f}"
      f" | {start} → {end} | {metrics['trainLoss']:.6f} |", flush=True)
PY
    done
done
