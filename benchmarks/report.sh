#!/usr/bin/env bash
# Report size and speed: builds a 10,000-trial search on the NAS-Bench-201 table (random search,
# lookups only, no training), then times `nas report` on it and prints seconds and megabytes of
# the HTML file (and of the PNG charts); for comparison, `nas trials --json` (start-up and reading
# the journal); and, when chromium is installed, how long a headless browser takes to load the
# page and draw every chart.
#
#   benchmarks/report.sh [TRIALS] [TABLE]     (defaults: 10000, the built-in nas-bench-201-cifar10)
#
# NAS overrides the command (default: the ./nas launcher next to this folder).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-10000}"
table="${2:-nas-bench-201-cifar10}"
read -r -a nas <<<"${NAS:-$root/nas}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

started=$(date +%s.%N)
"${nas[@]}" search --space nas-bench-201 --strategy random --benchmark "$table" \
    --trials "$trials" --seed 1 --out "$work/experiment" >/dev/null 2>"$work/search.log"
searched=$(date +%s.%N)
"${nas[@]}" trials "$work/experiment" --json >/dev/null
listed=$(date +%s.%N)
searched_listed="$(python3 -c "print($listed - $searched)")"
searched=$listed
"${nas[@]}" report "$work/experiment" --out "$work/report.html" >/dev/null
reported=$(date +%s.%N)
"${nas[@]}" report "$work/experiment" --out "$work/report2.html" --png "$work/png" >/dev/null
charted=$(date +%s.%N)
browser=""
if command -v chromium >/dev/null 2>&1; then
    b0=$(date +%s.%N)
    chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" --virtual-time-budget=10000 --dump-dom \
        "file://$work/report.html" 2>/dev/null >"$work/dom.html"
    b1=$(date +%s.%N)
    browser="$(python3 -c "print($b1 - $b0)")"
fi

python3 - "$work" "$trials" "$started" "$searched" "$reported" "$charted" "$searched_listed" "$browser" <<'PY'
import html as h, json, os, re, sys
work, trials = sys.argv[1], int(sys.argv[2])
started, searched, reported, charted, listed = map(float, sys.argv[3:8])
browser = sys.argv[8]
html = os.path.getsize(os.path.join(work, "report.html")) / 1e6
journal = os.path.getsize(os.path.join(work, "experiment", "experiment.db")) / 1e6
pngs = [os.path.join(work, "png", f) for f in os.listdir(os.path.join(work, "png"))]
print(f"search of {trials} tabular trials: {searched - listed - started:.1f} s, journal {journal:.1f} MB")
print(f"nas trials --json (start-up and reading the journal): {listed:.1f} s")
print(f"nas report (HTML, whole command): {reported - searched:.1f} s, {html:.2f} MB")
print(f"nas report --png (HTML + {len(pngs)} PNGs, whole command): {charted - reported:.1f} s, "
      f"PNGs {sum(map(os.path.getsize, pngs)) / 1e6:.2f} MB")
if browser:
    dom = open(os.path.join(work, "dom.html"), encoding="utf-8").read()
    found = re.search(r'<pre id="render-status" hidden="">(.*?)</pre>', dom, re.S)
    status = json.loads(h.unescape(found.group(1))) if found else {"charts": [], "errors": ["no status"]}
    drawn = ", ".join(f"{c['id']} {c['points']}" for c in status["charts"][:4])
    print(f"headless chromium, load and draw: {float(browser):.1f} s; {len(status['charts'])} charts "
          f"({drawn}, ...), script errors: {len(status['errors'])}")
PY
