#!/usr/bin/env bash
# Trials per hour of the README's main job with its trials in worker processes
# (--executor processes --parallel 2) against one trial at a time on threads (--executor threads
# --parallel 1), one after the other in the same run, printed side by side.
#
#   benchmarks/executors.sh [TRIALS] [EXAMPLES]   (defaults 16 and 10000, the README job; with 10
#                                                  trials or fewer both runs train the same
#                                                  architectures: evolution's first population is
#                                                  drawn before any outcome)
#
# Prints the load average before and after each run: on a shared machine, say it with the figure.
# Needs python3 to summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-16}"
examples="${2:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() {
    local name=$1
    shift
    echo "$name: load before $(cut -d' ' -f1-3 /proc/loadavg)" >"$work/$name.load"
    "$root/nas" search --space nas-bench-201 --space-opt channels=8 --space-opt cells=1 \
        --strategy regularized-evolution --trials "$trials" --max-train-examples "$examples" --seed 1 \
        "$@" --out "$work/$name" --json >"$work/$name.json" 2>"$work/$name.log"
    echo "$name: load after $(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/$name.load"
    "$root/nas" trials "$work/$name" --json >"$work/$name-trials.json"
}

echo "CPU flags: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "cores: $(nproc); $trials trials of 1 epoch over $examples images"
run threads --executor threads --parallel 1
run processes --executor processes --parallel 2
cat "$work/threads.load" "$work/processes.load"

python3 - "$work" "$trials" <<'PY'
import json, statistics, sys
work, trials = sys.argv[1], int(sys.argv[2])
rows = {}
for name in ("threads", "processes"):
    result = json.load(open(f"{work}/{name}.json"))
    ts = json.load(open(f"{work}/{name}-trials.json"))
    done = [t for t in ts if t["state"] == "done"]
    train = [t["metrics"]["trainSeconds"] for t in done]
    rows[name] = dict(
        wall=result["wallSeconds"],
        per_hour=3600 * len(ts) / result["wallSeconds"],
        train=statistics.mean(train) if train else float("nan"),
        best=result.get("best", {}).get("metrics", {}).get("accuracy", float("nan")),
        ids=[t["id"] for t in ts],
        failed=len(ts) - len(done),
    )
print(f"{'':34}{'threads, parallel 1':>22}{'processes, parallel 2':>24}")
t, p = rows["threads"], rows["processes"]
print(f"{'wall seconds':34}{t['wall']:>22.1f}{p['wall']:>24.1f}")
print(f"{'trials per hour':34}{t['per_hour']:>22.1f}{p['per_hour']:>24.1f}")
print(f"{'mean training seconds per trial':34}{t['train']:>22.1f}{p['train']:>24.1f}")
print(f"{'failed trials':34}{t['failed']:>22}{p['failed']:>24}")
print(f"{'best validation accuracy':34}{t['best']:>22.4f}{p['best']:>24.4f}")
same = sum(a == b for a, b in zip(t["ids"], p["ids"]))
print(f"speed-up (trials per hour): {p['per_hour'] / t['per_hour']:.2f}x; "
      f"{same} of {trials} trials trained the same architecture in both runs")
PY
