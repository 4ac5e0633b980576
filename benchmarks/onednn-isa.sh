#!/usr/bin/env bash
# PyTorch's speed with each oneDNN instruction set the launcher may choose, side by side: a
# training step (`nas bench-engine training`, median of 30 steps) and a first-order DARTS search
# step (as benchmarks/darts-step.sh), the instruction sets alternating within each round because
# this machine's speed drifts (docs/benchmarks.md). Prints the CPU's AVX flags, the load, and the
# median over rounds. Instruction sets the CPU lacks are capped by oneDNN at what it has.
# THREADS (default: the launcher's, one per core) sets PyTorch's intra-op threads; on a machine
# that other work shares, THREADS=1 with OMP_WAIT_POLICY=PASSIVE keeps spinning threads from
# starving each other.
#
#   benchmarks/onednn-isa.sh [ROUNDS] [DARTS_STEPS] [ISA...]
#       (defaults: 3 rounds, 4 DARTS steps, SSE41 AVX2 AVX512_CORE)
#
# Needs python3 to summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-3}"
darts_steps="${2:-4}"
shift $(($# > 2 ? 2 : $#))
isas=("$@")
[[ ${#isas[@]} -gt 0 ]] || isas=(SSE41 AVX2 AVX512_CORE)
if [[ -n "${THREADS:-}" ]]; then
    export NAS_JAVA_OPTS="${NAS_JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=$THREADS"
    export OMP_NUM_THREADS="$THREADS"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "CPU flags: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "threads: ${THREADS:-one per core}, OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-launcher default}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    for isa in "${isas[@]}"; do
        ONEDNN_MAX_CPU_ISA="$isa" "$root/nas" bench-engine training --engine PyTorch --steps 30 \
            >"$work/train-$isa-$round.json" 2>>"$work/log"
        ONEDNN_MAX_CPU_ISA="$isa" "$root/nas" search --engine PyTorch --space darts \
            --space-opt channels=8 --space-opt layers=5 --space-opt nodes=4 --strategy darts \
            --strategy-opt validation-batches=1 --strategy-opt max-skip-connections=-1 \
            --epochs 2 --max-train-examples $((darts_steps * 64 * 2)) --seed 1 \
            --out "$work/darts-$isa-$round" --json >"$work/darts-$isa-$round.json" 2>>"$work/log"
        "$root/nas" epochs "$work/darts-$isa-$round" --json >"$work/epochs-$isa-$round.json"
        echo "round $round, $isa done, load $(cut -d' ' -f1 /proc/loadavg)"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$rounds" "${isas[@]}" <<'PY'
import json, sys, statistics
work, rounds, isas = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def load(name): return json.load(open(f"{work}/{name}.json"))
print("\n| ONEDNN_MAX_CPU_ISA | training step, ms (median of rounds; each round) | DARTS step, s (median; each round) |")
print("|---|---|---|")
for isa in isas:
    train = [load(f"train-{isa}-{r}")["msPerStep"] for r in range(1, rounds + 1)]
    darts = []
    for r in range(1, rounds + 1):
        m = load(f"epochs-{isa}-{r}")[-1]["metrics"]
        darts.append(m["architectureStepSeconds"] + m["weightStepSeconds"])
    print(f"| {isa} | {statistics.median(train):.0f} ({', '.join(f'{t:.0f}' for t in train)}) |"
          f" {statistics.median(darts):.2f} ({', '.join(f'{d:.2f}' for d in darts)}) |")
PY
