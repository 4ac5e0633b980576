#!/usr/bin/env bash
# Spark against worker processes on one machine, in the same run: the same search with
# --executor processes --parallel 2 (two worker JVMs) and with --executor spark on a
# local-cluster[2,1,1024] master (two executor JVMs of one core, each training one trial at a
# time), printed side by side: wall time, trials per hour, and the time per trial spent outside
# the evaluator (scheduling, shipping, starting JVMs and building evaluators, amortised).
#
#   benchmarks/spark.sh [TRIALS] [EXAMPLES]     (defaults 8 trials of 1 epoch on 2000 images)
#
# local-cluster starts its executors through Spark's launcher, which wants a Spark home with a
# jars/ folder: an empty one is made, and the executors get the nas class path instead
# (spark.executor.extraClassPath). Prints the load average before and after each run: on a shared
# machine, say it with the figure. Needs python3.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-8}"
examples="${2:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/nas" spaces >/dev/null # builds djl-nas, spark/target/lib included, if needed
version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
export NAS_PLUGINS="$root/spark/target/djl-nas-spark-$version.jar:$root/spark/target/lib/*"
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars"
class_path="$root/cli/target/nas-cli.jar:$root/cli/target/lib/*:$NAS_PLUGINS"

run() {
    local name=$1
    shift
    echo "$name: load before $(cut -d' ' -f1-3 /proc/loadavg)" >"$work/$name.load"
    "$root/nas" search --space nas-bench-201 --space-opt channels=8 --space-opt cells=1 \
        --strategy random --trials "$trials" --max-train-examples "$examples" --seed 1 \
        --parallel 2 "$@" --out "$work/$name" --json >"$work/$name.json" 2>"$work/$name.log"
    echo "$name: load after $(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/$name.load"
    "$root/nas" trials "$work/$name" --json >"$work/$name-trials.json"
}

echo "CPU flags: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "cores: $(nproc); $trials trials of 1 epoch on $examples images, 2 at a time"
run processes --executor processes
NAS_JAVA_OPTS="${NAS_JAVA_OPTS:-} -Dspark.executor.extraClassPath=$class_path -Dspark.ui.enabled=false" \
    run spark --executor spark --spark-master 'local-cluster[2,1,1024]'
cat "$work/processes.load" "$work/spark.load"

python3 - "$work" "$trials" <<'PY'
import json, statistics, sys
work, trials = sys.argv[1], int(sys.argv[2])

rows = {}
for name in ("processes", "spark"):
    result = json.load(open(f"{work}/{name}.json"))
    ts = json.load(open(f"{work}/{name}-trials.json"))
    done = [t for t in ts if t["state"] == "done"]
    wall = result["wallSeconds"]
    evaluated = statistics.mean(t["seconds"] for t in done) if done else float("nan")
    rows[name] = dict(
        wall=wall,
        per_hour=3600 * len(ts) / wall,
        evaluated=evaluated,
        overhead=2 * wall / len(ts) - evaluated,
        failed=len(ts) - len(done),
        ids=[t["id"] for t in ts],
    )
p, s = rows["processes"], rows["spark"]
print(f"{'':40}{'2 worker processes':>20}{'Spark local-cluster[2]':>24}")
print(f"{'wall seconds':40}{p['wall']:>20.1f}{s['wall']:>24.1f}")
print(f"{'trials per hour':40}{p['per_hour']:>20.1f}{s['per_hour']:>24.1f}")
print(f"{'mean seconds in the evaluator':40}{p['evaluated']:>20.1f}{s['evaluated']:>24.1f}")
print(f"{'overhead per trial (2*wall/N - that)':40}{p['overhead']:>20.1f}{s['overhead']:>24.1f}")
print(f"{'failed trials':40}{p['failed']:>20}{s['failed']:>24}")
same = sum(a == b for a, b in zip(p["ids"], s["ids"]))
print(f"Spark/processes trials per hour: {s['per_hour'] / p['per_hour']:.2f}x; "
      f"{same} of {trials} trials trained the same architecture in both runs")
PY
