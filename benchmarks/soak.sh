#!/usr/bin/env bash
# Soak: kill -9 searches at random moments, resume each, and check that no finished trial is lost,
# duplicated or changed against an uninterrupted run with the same seed; then sample the resident
# memory of a long training search after every trial.
#
#   benchmarks/soak.sh [KILLS] [RSS_TRIALS] [SEED]      (defaults: 100 kills, 200 trials, seed 1)
#
# KILLS=0 runs the memory part only, RSS_TRIALS=0 the kills only; SOAK_SEARCHES (a space-separated
# subset of "evolution bohb reinforce training") picks the searches killed.
#
# Kills are spread over four searches: tabular NAS-Bench-201 searches (300 trials) with
# regularized evolution, BOHB and reinforce, and a tiny Fashion-MNIST training search (nas-bench-201
# with channels=8 cells=1, on the first 3,000 Fashion-MNIST images, 600 of them trained on a trial). A search killed KILL times is resumed
# until it ends; then the next one starts afresh, until KILLS kills were made. The memory run is
# the same tiny training search for RSS_TRIALS trials (random strategy), its resident set size
# (VmRSS) read after each finished trial. Exits non-zero if a check fails. Needs python3; the
# table is NAS_BENCHMARK (default: the built-in nas-bench-201-cifar10).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
kills="${1:-100}"
rss_trials="${2:-200}"
seed="${3:-1}"
table="${NAS_BENCHMARK:-nas-bench-201-cifar10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/nas" spaces >/dev/null # builds once, before any timing
# Runs a frozen copy of the build, so that editing the sources meanwhile rebuilds nothing.
mkdir -p "$work/app/cli/target" "$work/app/target"
cp "$root/nas" "$work/app/"
cp -r "$root/cli/target/nas-cli.jar" "$root/cli/target/lib" "$work/app/cli/target/"
touch "$work/app/target/nas-build.stamp"
nas="$work/app/nas"

# A small Fashion-MNIST (the first 3,000 training and 1,000 test images), so that a trial, its
# validation on 300 held-out images included, takes about a second.
python3 - "${NAS_DATA_DIR:-/usr/share/datasets/fashion-mnist}" "$work/data" <<'PY'
import gzip, os, struct, sys
source, target = sys.argv[1], sys.argv[2]
os.makedirs(target)
for kind, count in (("train", 3000), ("t10k", 1000)):
    for part in ("images-idx3", "labels-idx1"):
        name = f"{kind}-{part}-ubyte.gz"
        data = gzip.open(os.path.join(source, name)).read()
        magic = struct.unpack(">I", data[:4])[0]
        if part.startswith("images"):
            rows, cols = struct.unpack(">II", data[8:16])
            out = struct.pack(">IIII", magic, count, rows, cols) + data[16:16 + count * rows * cols]
        else:
            out = struct.pack(">II", magic, count) + data[8:8 + count]
        with gzip.open(os.path.join(target, name), "wb") as f:
            f.write(out)
PY

tabular=(--space nas-bench-201 --benchmark "$table" --trials 300 --parallel 2 --seed 17)
training=(--space nas-bench-201 --space-opt channels=8 --space-opt cells=1 --strategy random
    --dataset "fashion-mnist:$work/data" --epochs 1 --max-train-examples 600 --trials 6 --seed 17)
declare -A searches=(
    [evolution]="--strategy regularized-evolution ${tabular[*]}"
    [bohb]="--strategy bohb ${tabular[*]}"
    [reinforce]="--strategy reinforce ${tabular[*]}"
    [training]="${training[*]}"
)
order=(evolution bohb reinforce training)

# Finished trials (number, id, state, metrics) of an experiment, one JSON line each.
finished() {
    "$nas" trials "$1" --json 2>/dev/null | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["state"] in ("done", "failed", "pruned"):
        print(json.dumps({k: t.get(k) for k in ("trial", "id", "state", "seed", "epochs", "metrics")}, sort_keys=True))
'
}

# Whether a folder holds an experiment: a journal with a configuration (a search killed while it
# created its journal leaves one without, and a new search replaces it).
holds_experiment() {
    [[ -f "$1/experiment.db" ]] && python3 - "$1/experiment.db" <<'PY'
import sqlite3, sys
try:
    rows = sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM meta WHERE key = 'config'")
    sys.exit(0 if rows.fetchone()[0] else 1)
except sqlite3.Error:
    sys.exit(1)
PY
}

# Checks that the finished trials before a kill are all still there, unchanged.
check_kept() {
    python3 - "$1" "$2" <<'PY'
import json, sys
before = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
after = {json.loads(l)["trial"]: json.loads(l) for l in open(sys.argv[2]) if l.strip()}
lost = [t["trial"] for t in before if after.get(t["trial"]) != t]
if lost:
    sys.exit(f"finished trials lost or changed by a kill: {lost}")
PY
}

# Compares a resumed experiment with the uninterrupted one: same trials, in order, same results.
compare() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
def rows(path):
    return [json.loads(l) for l in open(path) if l.strip()]
reference, resumed, name = rows(sys.argv[1]), rows(sys.argv[2]), sys.argv[3]
numbers = [t["trial"] for t in resumed]
problems = []
if len(set(numbers)) != len(numbers):
    problems.append("duplicated trials")
if len(resumed) != len(reference):
    problems.append(f"{len(resumed)} finished trials, expected {len(reference)}")
exact = ("accuracy", "score", "parameters", "skippedSteps")
for a, b in zip(reference, resumed):
    same = all(a[k] == b[k] for k in ("trial", "id", "state", "seed", "epochs"))
    same = same and all(a["metrics"].get(k) == b["metrics"].get(k) for k in exact)
    if "loss" in a["metrics"]:
        same = same and abs(a["metrics"]["loss"] - b["metrics"].get("loss", float("inf"))) < 1e-5
    if not same:
        problems.append(f"trial {a['trial']} differs")
if problems:
    sys.exit(f"{name}: " + "; ".join(problems[:5]))
PY
}

echo "soak: $kills kills, seed $seed, $(nproc) cores; work in $work" >&2
# One PyTorch thread while killing: trained results are then bit-for-bit repeatable (README).
rss_java_opts="${NAS_JAVA_OPTS:-}"
export NAS_JAVA_OPTS="${NAS_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"
declare -A reference_seconds
if [[ -n "${SOAK_SEARCHES:-}" ]]; then
    read -r -a order <<<"$SOAK_SEARCHES" # for example SOAK_SEARCHES="evolution bohb"
fi
((kills > 0)) || order=() # KILLS=0: the memory run only
for name in "${order[@]}"; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # the search's options are words
    "$nas" search ${searches[$name]} --out "$work/$name-reference" >/dev/null 2>"$work/$name-reference.log"
    reference_seconds[$name]=$(python3 -c "print($(date +%s.%N) - $start)")
    finished "$work/$name-reference" >"$work/$name-reference.jsonl"
    echo "reference $name: $(wc -l <"$work/$name-reference.jsonl") finished trials in ${reference_seconds[$name]%.*} s" >&2
done

random_state=$seed
next_random() { # a number in [0, $1), from a fixed-seed LCG
    random_state=$(((random_state * 1103515245 + 12345) % 2147483648))
    echo $((random_state % $1))
}

made=0
experiments=0
checked=0
declare -A runs_of
while ((made < kills)) && ((${#order[@]} > 0)); do
    for name in "${order[@]}"; do
        ((made < kills)) || break
        runs_of[$name]=$((${runs_of[$name]:-0} + 1))
        out="$work/$name-${runs_of[$name]}"
        experiments=$((experiments + 1))
        limit_ms=$(python3 -c "print(int(1000 * ${reference_seconds[$name]} * 1.1) + 1)")
        : >"$work/before.jsonl"
        while true; do
            if holds_experiment "$out"; then
                "$nas" search --resume --out "$out" >/dev/null 2>>"$out.log" &
            else
                # shellcheck disable=SC2086
                "$nas" search ${searches[$name]} --out "$out" >/dev/null 2>>"$out.log" &
            fi
            pid=$!
            wait_ms=$(next_random "$limit_ms")
            sleep "$(python3 -c "print($wait_ms / 1000)")"
            if kill -0 "$pid" 2>/dev/null && ((made < kills)); then
                kill -9 "$pid" 2>/dev/null || true
                wait "$pid" 2>/dev/null || true
                made=$((made + 1))
                if holds_experiment "$out"; then
                    finished "$out" >"$work/after.jsonl"
                    check_kept "$work/before.jsonl" "$work/after.jsonl"
                    mv "$work/after.jsonl" "$work/before.jsonl"
                fi
                continue
            fi
            if ! wait "$pid"; then
                echo "soak: $name run in $out failed; the end of its log:" >&2
                tail -n 5 "$out.log" >&2
                exit 1
            fi
            break
        done
        finished "$out" >"$work/final.jsonl"
        check_kept "$work/before.jsonl" "$work/final.jsonl"
        compare "$work/$name-reference.jsonl" "$work/final.jsonl" "$name"
        checked=$((checked + 1))
    done
done
if ((kills > 0)); then
    echo "kills: $made over $experiments searches ($checked resumed to their end and compared):" \
        "0 finished trials lost, duplicated or changed"
fi
((rss_trials > 0)) || exit 0 # RSS_TRIALS=0: the kills only
export NAS_JAVA_OPTS="$rss_java_opts"

# Resident memory of a training search, sampled after every finished trial.
rss_out="$work/rss"
"$nas" search --space nas-bench-201 --space-opt channels=8 --space-opt cells=1 --strategy random \
    --dataset "fashion-mnist:$work/data" --epochs 1 --max-train-examples 600 --trials "$rss_trials" --seed "$seed" --out "$rss_out" \
    >/dev/null 2>"$work/rss.log" &
pid=$!
seen=0
: >"$work/rss.tsv"
while kill -0 "$pid" 2>/dev/null; do
    done_now=$(grep -c '^trial [0-9]* ([0-9]*/' "$work/rss.log" || true)
    if ((done_now > seen)); then
        rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        [[ -n "$rss" ]] && printf '%s\t%s\n' "$done_now" "$rss" >>"$work/rss.tsv"
        seen=$done_now
    fi
    sleep 0.2
done
wait "$pid"
python3 - "$work/rss.tsv" <<'PY'
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
at20 = next(kib for trials, kib in rows if trials >= 20)
last_trials, last = rows[-1]
peak = max(kib for _, kib in rows)
print(f"RSS after trial {rows[0][0]}: {rows[0][1] / 1024:.0f} MiB; after 20: {at20 / 1024:.0f} MiB; "
      f"after {last_trials}: {last / 1024:.0f} MiB (peak {peak / 1024:.0f} MiB); "
      f"growth after the first 20 trials: {100 * (last - at20) / at20:+.1f}% "
      f"(peak {100 * (peak - at20) / at20:+.1f}%); {len(rows)} samples")
PY
