#!/usr/bin/env bash
# DARTS end to end on Fashion-MNIST: a first-order search on a 10,000-image subset of the training
# split (5,000 images train the weights, 5,000 the architecture), `nas retrain` of the derived
# architecture, and the hand-designed `small-cnn` baseline retrained with the same recipe; prints
# test accuracies, parameters and wall times.
#
#   benchmarks/darts-quality.sh [SEARCH_EPOCHS] [RETRAIN_EPOCHS] [SEED]    (defaults: 3 5 1)
#
# Needs python3 to summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
search_epochs="${1:-3}"
retrain_epochs="${2:-5}"
seed="${3:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/nas" search --space darts --space-opt channels=8 --space-opt layers=5 --strategy darts \
    --strategy-opt validation-batches=20 --epochs "$search_epochs" --max-train-examples 10000 \
    --seed "$seed" --out "$work/search" --json >"$work/search.json" 2>"$work/search.log"
"$root/nas" retrain --experiment "$work/search" --epochs "$retrain_epochs" \
    --max-train-examples 10000 --json >"$work/retrain.json" 2>"$work/retrain.log"
"$root/nas" retrain --space small-cnn --arch '{}' --epochs "$retrain_epochs" \
    --max-train-examples 10000 --seed "$seed" --out "$work/baseline" --json \
    >"$work/baseline.json" 2>"$work/baseline.log"
"$root/nas" epochs "$work/search" >"$work/epochs.txt"

python3 - "$work" "$search_epochs" "$retrain_epochs" <<'PY'
import json, sys
work, search_epochs, retrain_epochs = sys.argv[1], sys.argv[2], sys.argv[3]
search = json.load(open(f"{work}/search.json"))
found = json.load(open(f"{work}/retrain.json"))
base = json.load(open(f"{work}/baseline.json"))
print(open(f"{work}/epochs.txt").read().rstrip())
print(f"search: {search_epochs} epochs, {search['wallSeconds']:.0f} s; derived {search['id']}"
      + (f" (stopped: {search['stoppedBy']})" if "stoppedBy" in search else ""))
print(json.dumps(search["architecture"], sort_keys=True))
for name, r in (("derived darts cell (C=8, 5 cells)", found), ("small-cnn baseline", base)):
    m = r["metrics"]
    print(f"{name}: test accuracy {r['testAccuracy']:.4f}, validation {m['accuracy']:.4f},"
          f" {m['parameters']:.0f} parameters, retrain {r['wallSeconds']:.0f} s"
          f" ({retrain_epochs} epochs on 10,000 images)")
total = search["wallSeconds"] + found["wallSeconds"]
print(f"search + retrain wall time: {total:.0f} s")
PY
