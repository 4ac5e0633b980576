#!/usr/bin/env bash
# Search throughput on Fashion-MNIST: trials per hour, seconds per epoch and peak memory for a
# fixed set of architectures (random search, fixed seed, so the same trials every run).
#
#   benchmarks/search-throughput.sh [TRIALS] [PARALLEL]     (defaults: 8 trials, 1 at a time)
#
# Needs python3 to summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-8}"
parallel="${2:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/nas" search --space nas-bench-201 --space-opt channels=8 --space-opt cells=1 \
    --strategy random --seed 7 --trials "$trials" --parallel "$parallel" \
    --epochs 1 --max-train-examples 6000 --out "$work/experiment" --json \
    >"$work/result.json" 2>"$work/progress.log"
"$root/nas" trials "$work/experiment" --json >"$work/trials.json"

python3 - "$work/result.json" "$work/trials.json" "$trials" "$parallel" <<'PY'
import json, statistics, sys
result = json.load(open(sys.argv[1]))
trials = json.load(open(sys.argv[2]))
done = [t for t in trials if t["state"] == "done"]
epoch_seconds = [t["metrics"]["trainSeconds"] / t["epochs"] for t in done]
trial_seconds = [t["seconds"] for t in trials if "seconds" in t]
print(f"trials: {len(trials)} ({len(done)} done), parallel {sys.argv[4]}, "
      "nas-bench-201 C=8 N=1, 1 epoch of 6000 Fashion-MNIST images per trial")
print(f"wall: {result['wallSeconds']:.1f} s -> {3600 * len(trials) / result['wallSeconds']:.1f} trials/hour")
print(f"seconds per trial: mean {statistics.mean(trial_seconds):.1f}, "
      f"min {min(trial_seconds):.1f}, max {max(trial_seconds):.1f}")
if epoch_seconds:
    print(f"training seconds per epoch (6000 images): mean {statistics.mean(epoch_seconds):.1f}, "
          f"min {min(epoch_seconds):.1f}, max {max(epoch_seconds):.1f}")
mem = result.get("peakMemory", {})
print(f"peak memory: JVM heap {mem.get('jvmHeapMiB')} MiB, process resident {mem.get('processResidentMiB')} MiB")
PY
