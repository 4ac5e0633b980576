#!/usr/bin/env bash
# How well multiply-adds (the `flops` metric) predict inference latency on each engine: a seeded
# sample of NAS-Bench-201 networks (C=16, 5 cells per stage, 3x32x32 input, 10 classes), each
# profiled untrained on PyTorch and MXNet in turn (engines/mxnet's LatencyFlopsBenchmark,
# -Pbenchmarks): multiply-adds, median latency of one example and of a batch of N after warm-up;
# then the same networks initialized on PyTorch, exported as SavedModels and timed on TensorFlow,
# twice (engines/tensorflow's ExportedLatencyFlopsBenchmark: its default kernels, then with
# TF_ENABLE_ONEDNN_OPTS=0 as the module's export tests run). Prints per engine Pearson's and
# Spearman's correlation between multiply-adds and latency, and the time taken. Threads: the test
# configuration's, one per engine (OMP_NUM_THREADS=1, PyTorch intra-op and inter-op 1,
# MXNET_OMP_MAX_THREADS=1), TensorFlow's own defaults; the load average is printed before and after
# each half.
#
#   benchmarks/latency-flops.sh [NETWORKS] [SEED] [BATCH] [ENGINES]
#       (defaults: 100 1 32 all; ENGINES: all, djl (PyTorch and MXNet) or tensorflow)
#
# Extra properties through MAVEN_ARGS: -DwarmUps=2 -Drepeats=5.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
networks="${1:-100}"
seed="${2:-1}"
batch="${3:-32}"
engines="${4:-all}"
cd "$root"
run() { # MODULE TEST
    echo "latency-flops: load before: $(uptime | sed 's/.*load average: //')"
    local start
    start=$(date +%s)
    mvn -B -o -q -Pbenchmarks -pl "$1" -am verify -Dtest="$2" \
        -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
        -Dnetworks="$networks" -Dseed="$seed" -Dbatch="$batch" ${MAVEN_ARGS:-} 2>&1 \
        | grep -E '^latency-flops|ERROR|FAIL'
    echo "latency-flops: load after: $(uptime | sed 's/.*load average: //');" \
        "$(($(date +%s) - start)) s in all"
}
if [[ $engines == all || $engines == djl ]]; then
    run engines/mxnet LatencyFlopsBenchmark
fi
if [[ $engines == all || $engines == tensorflow ]]; then
    run engines/tensorflow ExportedLatencyFlopsBenchmark
fi
