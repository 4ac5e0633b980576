#!/usr/bin/env bash
# The training step of found networks: djl-nas (`nas bench-engine training`, the search's own
# TrainingRecipe and TrainingLoop) against the same networks in PyTorch from Python, alternated
# network by network for ROUNDS rounds on the same machine, so that both sides of a ratio see the
# same load. Networks, at batch 64 on 1x28x28 random images, 10 classes:
#
#   small-cnn  the `small-cnn` space's network (conv32-conv64-linear, 50,186 parameters)
#   darts      the derived DARTS architecture fcc0f50b (benchmarks/darts-derived-fcc0f50b.json,
#              docs/benchmarks.md "DARTS end to end") retrained at C=8 with 3 cells: the
#              evaluation network of the `darts` space (27,778 parameters)
#
#   benchmarks/train-step.sh [ROUNDS] [REFERENCE_DRIVER]    (defaults: 3 rounds, no reference)
#
# REFERENCE_DRIVER is run as `$PYTHON DRIVER small-cnn|darts --warmup N --steps N --threads T`
# and prints one JSON object with `msPerStep`, `cpuMsPerStep`, `parameters` and `torch`; it is not
# part of this repository (its recipe: docs/benchmarks.md, "Training step of found networks").
# Environment: STEPS (timed steps, default 30), WARMUP (untimed steps first, default 30: the JVM
# compiles the step's code during the first ones), ISAS (the ONEDNN_MAX_CPU_ISA values djl-nas
# runs with, default "ALL", oneDNN's own choice, which the launcher keeps where its kernel
# check passes; e.g. "SSE41 ALL"), PYTHON (default /usr/bin/python3,
# Debian's, which has python3-torch), THREADS (intra-op threads of both sides, default the cores,
# as the launcher sets). Both sides run with 1 inter-op thread and OMP_WAIT_POLICY=ACTIVE (the
# launcher's) unless set. Prints one line per run with the load average, then per side the median
# wall ms/step over the rounds and the median of the per-round ratios (djl-nas / reference; below
# 1 means djl-nas is faster), and the same for the process's CPU ms/step (all threads), which
# other processes' load changes less (with THREADS=1 OMP_WAIT_POLICY=PASSIVE it is the work).
# BASELINE (optional): another checkout's `nas` launcher, e.g. of a `git worktree` at the commit to
# compare with; it then runs in each round right after this checkout, with the same settings, as
# side `baseline` (its ratio to the reference is printed like this checkout's).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-3}"
driver="${2:-}"
steps="${STEPS:-30}"
warmup="${WARMUP:-30}"
isas="${ISAS:-ALL}"
python="${PYTHON:-/usr/bin/python3}"
baseline="${BASELINE:-}"
threads="${THREADS:-$(nproc)}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-ACTIVE}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

network_args() {
    case "$1" in
        small-cnn) echo "--space small-cnn --arch {}" ;;
        darts) echo "--space darts --space-opt channels=8 --space-opt layers=3 --arch $root/benchmarks/darts-derived-fcc0f50b.json" ;;
    esac
}

load() { cut -d' ' -f1 /proc/loadavg; }

grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ' | sed 's/^/CPU flags: /'
echo
echo "$(nproc) cores, $threads intra-op threads, OMP_WAIT_POLICY=$OMP_WAIT_POLICY; $steps steps after $warmup warm-up steps, batch 64"
for round in $(seq 1 "$rounds"); do
    for network in small-cnn darts; do
        for isa in $isas; do
            for side in djl ${baseline:+baseline}; do
                launcher="$root/nas"
                [[ "$side" == baseline ]] && launcher="$baseline"
                before="$(load)"
                # shellcheck disable=SC2046 # the network's arguments are words
                ONEDNN_MAX_CPU_ISA="$isa" NAS_JAVA_OPTS="${NAS_JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=$threads" "$launcher" bench-engine training $(network_args "$network") \
                    --warmup "$warmup" --steps "$steps" >"$work/$round-$network-$side-$isa.json"
                echo "round $round $network ${side/djl/djl-nas} ISA=$isa: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["msPerStep"], "ms/step,", r["cpuMsPerStep"], "CPU ms/step,", r["parameters"], "parameters")' "$work/$round-$network-$side-$isa.json") (load $before)"
            done
        done
        if [[ -n "$driver" ]]; then
            before="$(load)"
            "$python" "$driver" "$network" --warmup "$warmup" --steps "$steps" --threads "$threads" \
                >"$work/$round-$network-reference.json"
            echo "round $round $network reference: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["msPerStep"], "ms/step,", r["cpuMsPerStep"], "CPU ms/step,", r["parameters"], "parameters, torch", r["torch"])' "$work/$round-$network-reference.json") (load $before)"
        fi
    done
done

python3 - "$work" "$rounds" "$isas" "$driver" "$baseline" <<'PY'
import json, statistics, sys
from pathlib import Path

work, rounds, isas, driver = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(), sys.argv[4]
sides = ["djl"] + (["baseline"] if sys.argv[5] else [])
def read(round, network, side):
    return json.loads((work / f"{round}-{network}-{side}.json").read_text())
def column(runs, reference, key):
    text = f"{statistics.median(r[key] for r in runs):10.2f}"
    if reference:
        ratios = [r[key] / p[key] for r, p in zip(runs, reference)]
        text += f" {statistics.median(ratios):5.2f} ({', '.join(f'{x:.2f}' for x in ratios)})"
    return text
print()
print("network    side                 wall ms/step [ratio (per round)]   CPU ms/step [ratio (per round)]")
for network in ("small-cnn", "darts"):
    reference = [read(r, network, "reference") for r in range(1, rounds + 1)] if driver else []
    for isa in isas:
        for side in sides:
            djl = [read(r, network, f"{side}-{isa}") for r in range(1, rounds + 1)]
            name = "djl-nas" if side == "djl" else "baseline"
            line = f"{network:10} {name:8} ISA={isa:8} {column(djl, reference, 'msPerStep')}   {column(djl, reference, 'cpuMsPerStep')}"
            if reference and djl[0]["parameters"] != reference[0]["parameters"]:
                line += f"  PARAMETERS DIFFER: {djl[0]['parameters']} vs {reference[0]['parameters']}"
            print(line)
    if reference:
        print(f"{network:10} reference            {column(reference, [], 'msPerStep')}   {column(reference, [], 'cpuMsPerStep')}")
PY
