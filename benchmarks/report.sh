#!/usr/bin/env bash
# Report size and speed: builds a 10,000-trial search on the NAS-Bench-201 table (random search,
# lookups only, no training), then times `nas report` on it and prints seconds and megabytes of
# the HTML file (and of the PNG charts).
#
#   benchmarks/report.sh [TRIALS] [TABLE]     (defaults: 10000, ../shared/benchmarks/nas-bench-201-cifar10.csv)
#
# NAS overrides the command (default: the ./nas launcher next to this folder).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-10000}"
table="${2:-$root/../shared/benchmarks/nas-bench-201-cifar10.csv}"
read -r -a nas <<<"${NAS:-$root/nas}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

started=$(date +%s.%N)
"${nas[@]}" search --space nas-bench-201 --strategy random --benchmark "$table" \
    --trials "$trials" --seed 1 --out "$work/experiment" >/dev/null 2>"$work/search.log"
searched=$(date +%s.%N)
"${nas[@]}" report "$work/experiment" --out "$work/report.html" >/dev/null
reported=$(date +%s.%N)
"${nas[@]}" report "$work/experiment" --out "$work/report2.html" --png "$work/png" >/dev/null
charted=$(date +%s.%N)

python3 - "$work" "$trials" "$started" "$searched" "$reported" "$charted" <<'PY'
import os, sys
work, trials = sys.argv[1], int(sys.argv[2])
started, searched, reported, charted = map(float, sys.argv[3:7])
html = os.path.getsize(os.path.join(work, "report.html")) / 1e6
journal = os.path.getsize(os.path.join(work, "experiment", "experiment.db")) / 1e6
pngs = [os.path.join(work, "png", f) for f in os.listdir(os.path.join(work, "png"))]
print(f"search of {trials} tabular trials: {searched - started:.1f} s, journal {journal:.1f} MB")
print(f"nas report (HTML, whole command): {reported - searched:.1f} s, {html:.2f} MB")
print(f"nas report --png (HTML + {len(pngs)} PNGs, whole command): {charted - reported:.1f} s, "
      f"PNGs {sum(map(os.path.getsize, pngs)) / 1e6:.2f} MB")
PY
