#!/usr/bin/env bash
# Reptile meta-learned start for one-shot search, measured on a data set held out of
# meta-training: how many DARTS search steps (and how much wall and CPU time) a search of the held-
# out set needs to reach a fixed validation accuracy, from the meta-learned start and from the
# ordinary seeded start, side by side, over several seeds.
#
#   benchmarks/meta-start.sh [TARGET] [EPOCHS] [SEEDS] [META_ITERATIONS] [INNER_STEPS]
#       (defaults: 0.8 4 "1 2 3" 12 4)
#
# Data (benchmarks/meta-start-data.py writes them as grey PNG folders): meta-training on
# Fashion-MNIST classes 0-4, Fashion-MNIST classes 5-9 (150 training images per class, resized to
# 8x8) and sklearn's 8x8 digits 0-4; held out: sklearn's digits 5-9 (896 images; classes and images
# never seen in meta-training). Supernet: the `darts` space with C=4, 2 cells, 2 nodes, 1 input
# channel. Meta-training runs once (seed 0); each search seed then searches digits 5-9 for EPOCHS
# epochs on 512 training examples (256 for the weights, 256 for α and the validation accuracy;
# batch 32: 8 search steps per epoch) with and without --warm-start.
#
# Prints per seed and start: the validation accuracy after each epoch, the search steps and the
# wall seconds (sum of the epochs' times) until the first epoch at or above TARGET, and the search
# process's CPU time (user + system, JVM start included); then meta-training's one-off cost. Needs
# python3 with numpy (data and summary) and GNU time (/usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
target="${1:-0.8}"
epochs="${2:-4}"
seeds="${3:-1 2 3}"
meta_iterations="${4:-12}"
inner_steps="${5:-4}"
work="$(mktemp -d)"
trap 'status=$?; if ((status)); then echo "meta-start.sh: failed; the logs are in $work" >&2; else rm -rf "$work"; fi' EXIT

space=(--space darts --space-opt channels=4 --space-opt layers=2 --space-opt nodes=2)
darts=(batch-size=32 validation-batches=0)
python3 "$root/benchmarks/meta-start-data.py" "$work/data" 150 2>"$work/data.log"
data="$work/data"

cut -d' ' -f1 /proc/loadavg >"$work/meta-load"
/usr/bin/time -o "$work/meta.cpu" -f '%e %U %S' \
    "$root/nas" meta-train "${space[@]}" \
    --dataset "image-folder:$data/fashion-0-4" --dataset "image-folder:$data/fashion-5-9" \
    --dataset "image-folder:$data/digits-0-4" --data-opt size=8 --max-train-examples 512 \
    --meta-iterations "$meta_iterations" --inner-steps "$inner_steps" --meta-step-size 0.5 \
    --inner-opt batch-size=32 --seed 0 --out "$work/meta" --json \
    >"$work/meta.json" 2>"$work/meta.log"
cut -d' ' -f1 /proc/loadavg >>"$work/meta-load"

for seed in $seeds; do
    for start in meta scratch; do
        warm=()
        if [[ $start == meta ]]; then
            warm=(--warm-start "$work/meta")
        fi
        run="$work/$start-$seed"
        cut -d' ' -f1 /proc/loadavg >"$run.load"
        /usr/bin/time -o "$run.cpu" -f '%e %U %S' \
            "$root/nas" search "${space[@]}" --strategy darts \
            --strategy-opt "${darts[0]}" --strategy-opt "${darts[1]}" \
            --dataset "image-folder:$data/digits-5-9" --epochs "$epochs" \
            --max-train-examples 512 --seed "$seed" "${warm[@]}" --out "$run" --json \
            >"$run.json" 2>"$run.log"
        cut -d' ' -f1 /proc/loadavg >>"$run.load"
    done
done

python3 - "$work" "$target" "$epochs" "$seeds" <<'PY'
import json, sqlite3, sys
work, target, epochs, seeds = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
steps_per_epoch = 256 // 32
meta = json.load(open(f"{work}/meta.json"))
wall, user, system = (float(x) for x in open(f"{work}/meta.cpu").read().split()[-3:])
print(f"held-out digits 5-9, darts C=4, 2 cells, 2 nodes; {epochs} epochs of {steps_per_epoch}"
      f" search steps; target validation accuracy {target}")
print("| seed | start | validation accuracy by epoch | steps to target | wall to target (s)"
      " | search CPU (s) | load at start, end |")
print("|---|---|---|---|---|---|---|")
summary = {"meta": [], "scratch": []}
for seed in seeds:
    for start in ("meta", "scratch"):
        run = f"{work}/{start}-{seed}"
        rows = sqlite3.connect(f"{run}/experiment.db").execute(
            "SELECT record FROM epochs ORDER BY epoch").fetchall()
        records = [json.loads(r[0]) for r in rows]
        accuracy = [r["metrics"]["validationAccuracy"] for r in records]
        seconds = [r["metrics"]["seconds"] for r in records]
        reached = next((i for i, a in enumerate(accuracy) if a >= target), None)
        steps = "not reached" if reached is None else str((reached + 1) * steps_per_epoch)
        to_target = "–" if reached is None else f"{sum(seconds[:reached + 1]):.1f}"
        cpu = sum(float(x) for x in open(f"{run}.cpu").read().split()[-2:])
        load = ", ".join(open(f"{run}.load").read().split())
        summary[start].append((reached, cpu))
        print(f"| {seed} | {start} | {' '.join(f'{a:.3f}' for a in accuracy)} | {steps} |"
              f" {to_target} | {cpu:.1f} | {load} |")
for start, runs in summary.items():
    hit = [r for r, _ in runs if r is not None]
    mean_steps = (sum((r + 1) * steps_per_epoch for r in hit) / len(hit)) if hit else float("nan")
    print(f"{start}: reached the target in {len(hit)}/{len(runs)} seeds; mean steps when reached"
          f" {mean_steps:.1f}; mean search CPU {sum(c for _, c in runs) / len(runs):.1f} s")
load = ", ".join(open(f"{work}/meta-load").read().split())
print(f"meta-training (once, seed 0): {meta['iterations']} iterations over {len(meta['tasks'])}"
      f" tasks, {meta['sharedParameters']} shared parameters; wall {wall:.1f} s, CPU"
      f" {user + system:.1f} s, load at start, end {load}")
PY
