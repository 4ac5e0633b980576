#!/usr/bin/env bash
# Best validation accuracy reached against wall-clock time on Fashion-MNIST for random search
# (every trial at the full budget), hyperband and bohb (budgets of 1, 3 and 9 epochs), each
# given the same time: its search is killed (kill -9) after SECONDS and its journal read back, so
# every trial finished by then counts. Prints a table and writes a plot.
#
#   benchmarks/multi-fidelity.sh [SECONDS] [SEED] [PLOT]
#       defaults: 480 seconds per strategy, seed 1, docs/img/multi-fidelity.png
#
# Same space, data and seed for all: nas-bench-201 with 8 channels and one cell per stage,
# 6,000 training images per trial. Needs python3; the plot needs python3-matplotlib
# (apt-get install -y python3-matplotlib) and is skipped without it.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
seconds="${1:-480}"
seed="${2:-1}"
plot="${3:-$root/docs/img/multi-fidelity.png}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/nas" strategies >/dev/null # builds the launcher's jars before any clock starts
common=(--space nas-bench-201 --space-opt channels=8 --space-opt cells=1
    --max-train-examples 6000 --seed "$seed" --trials 10000)
run() { # name, options...
    local name="$1"
    shift
    timeout -s KILL "$seconds" "$root/nas" search "${common[@]}" "$@" \
        --out "$work/$name" 2>"$work/$name.log" || true
}
run random --strategy random --epochs 9
run hyperband --strategy hyperband --strategy-opt min-epochs=1 --strategy-opt max-epochs=9
run bohb --strategy bohb --strategy-opt min-epochs=1 --strategy-opt max-epochs=9

python3 - "$work" "$seconds" "$plot" <<'PY'
import datetime, json, re, sqlite3, sys
work, limit, plot = sys.argv[1], float(sys.argv[2]), sys.argv[3]
curves = {}
for name in ("random", "hyperband", "bohb"):
    db = sqlite3.connect(f"{work}/{name}/experiment.db")
    rows = db.execute("SELECT number, state, metrics, started_at, ended_at, epochs FROM trials"
                      " ORDER BY number").fetchall()
    def t(text):  # Java's Instant.toString, up to nanoseconds
        text = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
        return datetime.datetime.fromisoformat(text).timestamp()
    start = min(t(r[3]) for r in rows if r[3])
    best, curve, done, epochs = 0.0, [(0.0, float("nan"))], 0, 0.0
    for number, state, metrics, started, ended, budget in sorted(rows, key=lambda r: r[4] or "~"):
        if state != "DONE" or not ended:
            continue
        done += 1
        epochs += budget
        best = max(best, json.loads(metrics)["accuracy"])
        curve.append((t(ended) - start, best))
    curves[name] = curve
    marks = {}
    for at in (limit / 4, limit / 2, limit):
        reached = [b for s, b in curve if s <= at]
        marks[at] = reached[-1] if reached else float("nan")
    print(f"{name:10s} trials done {done:3d} (budgets summed {epochs:5.1f} epochs); best validation"
          " accuracy by " + ", ".join(f"{at:.0f} s: {b:.4f}" for at, b in marks.items()))
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("python3-matplotlib is missing: no plot")
    sys.exit(0)
fig, ax = plt.subplots(figsize=(7, 4.2))
for name, curve in curves.items():
    xs = [s / 60 for s, _ in curve] + [limit / 60]
    ys = [b for _, b in curve] + [curve[-1][1]]
    ax.step(xs, ys, where="post", label=name)
ax.set_xlabel("wall-clock minutes")
ax.set_ylabel("best validation accuracy so far")
ax.set_title("Fashion-MNIST, nas-bench-201 C=8, 6,000 images per trial, 2 cores")
ax.grid(alpha=0.3)
ax.legend()
fig.tight_layout()
fig.savefig(plot, dpi=110)
print(f"plot: {plot}")
PY
