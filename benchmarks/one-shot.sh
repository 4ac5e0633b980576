#!/usr/bin/env bash
# One-shot strategies side by side on Fashion-MNIST, with the budget of "DARTS end to end"
# (benchmarks/darts-quality.sh): each strategy searches the `darts` space (C=8, 5 cells) for
# SEARCH_EPOCHS epochs on a 10,000-image subset of the training split (half for the weights, half
# for the architecture or the controller), its architecture is retrained from scratch for
# RETRAIN_EPOCHS epochs on the same 10,000 images and tested; then the hand-designed `small-cnn`
# baseline with the same recipe. Prints, per strategy: search wall time, the search's CPU time (user
# + system, which a busy machine inflates less than the wall time), the load average at the
# search's start and end, the search process's peak resident memory, parameters and test accuracy
# of the retrained network.
#
#   benchmarks/one-shot.sh [SEARCH_EPOCHS] [RETRAIN_EPOCHS] [SEED] [STRATEGIES]
#       (defaults: 3 5 1 "darts gdas spos enas")
#
# The strategies run one after another, never at once, so their times compare on a quiet machine.
# Needs python3 to summarise the JSON results and GNU time (/usr/bin/time) for the CPU time.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
search_epochs="${1:-3}"
retrain_epochs="${2:-5}"
seed="${3:-1}"
strategies="${4:-darts gdas spos enas}"
work="$(mktemp -d)"
trap 'status=$?; if ((status)); then echo "one-shot.sh: failed; the logs are in $work" >&2; else rm -rf "$work"; fi' EXIT

for strategy in $strategies; do
    extra=()
    if [[ "$strategy" == darts* || "$strategy" == gdas ]]; then
        extra=(--strategy-opt validation-batches=20)
    fi
    cut -d' ' -f1 /proc/loadavg >"$work/$strategy-load"
    /usr/bin/time -o "$work/$strategy-search.cpu" -f '%U %S' \
        "$root/nas" search --space darts --space-opt channels=8 --space-opt layers=5 \
        --strategy "$strategy" "${extra[@]}" --epochs "$search_epochs" \
        --max-train-examples 10000 --seed "$seed" --out "$work/$strategy" --json \
        >"$work/$strategy-search.json" 2>"$work/$strategy-search.log"
    cut -d' ' -f1 /proc/loadavg >>"$work/$strategy-load"
    "$root/nas" retrain --experiment "$work/$strategy" --epochs "$retrain_epochs" \
        --max-train-examples 10000 --json >"$work/$strategy-retrain.json" \
        2>"$work/$strategy-retrain.log"
done
"$root/nas" retrain --space small-cnn --arch '{}' --epochs "$retrain_epochs" \
    --max-train-examples 10000 --seed "$seed" --out "$work/baseline" --json \
    >"$work/baseline.json" 2>"$work/baseline.log"

python3 - "$work" "$search_epochs" "$retrain_epochs" "$strategies" <<'PY'
import json, sys
work, search_epochs, retrain_epochs, strategies = sys.argv[1:5]
print(f"one-shot on Fashion-MNIST: darts space C=8, 5 cells; search {search_epochs} epochs on"
      f" 10,000 images; retrain {retrain_epochs} epochs on the same 10,000; test on 10,000")
print("| strategy | search wall (s) | search CPU (s) | load at start, end | search peak RSS (MiB)"
      " | parameters | test accuracy |")
print("|---|---|---|---|---|---|---|")
for strategy in strategies.split():
    search = json.load(open(f"{work}/{strategy}-search.json"))
    found = json.load(open(f"{work}/{strategy}-retrain.json"))
    rss = search.get("peakMemory", {}).get("processResidentMiB", float("nan"))
    cpu = sum(float(t) for t in open(f"{work}/{strategy}-search.cpu").read().split()[-2:])
    load = ", ".join(open(f"{work}/{strategy}-load").read().split())
    print(f"| {strategy} | {search['wallSeconds']:.0f} | {cpu:.0f} | {load} | {rss:.0f} |"
          f" {found['metrics']['parameters']:.0f} | {found['testAccuracy']:.4f} |")
base = json.load(open(f"{work}/baseline.json"))
print(f"| small-cnn (baseline, no search) | – | – | – | – | {base['metrics']['parameters']:.0f} |"
      f" {base['testAccuracy']:.4f} |")
PY
