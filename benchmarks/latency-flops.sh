#!/usr/bin/env bash
# How well multiply-adds (the `flops` metric) predict inference latency on each engine: a seeded
# sample of NAS-Bench-201 networks (C=16, 5 cells per stage, 3x32x32 input, 10 classes), each
# profiled untrained on PyTorch and MXNet in turn (engines/mxnet's LatencyFlopsBenchmark,
# -Pbenchmarks): multiply-adds, median latency of one example and of a batch of N after warm-up;
# prints per engine Pearson's and Spearman's correlation between multiply-adds and latency, and the
# time taken. Threads: the test configuration's, one per engine (OMP_NUM_THREADS=1, PyTorch
# intra-op and inter-op 1, MXNET_OMP_MAX_THREADS=1); the load average is printed before and after.
#
#   benchmarks/latency-flops.sh [NETWORKS] [SEED] [BATCH]    (defaults: 100 1 8)
#
# Extra properties through MAVEN_ARGS: -DwarmUps=2 -Drepeats=5.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
networks="${1:-100}"
seed="${2:-1}"
batch="${3:-8}"
cd "$root"
echo "latency-flops: load before: $(uptime | sed 's/.*load average: //')"
start=$(date +%s)
mvn -B -o -q -Pbenchmarks -pl engines/mxnet -am verify -Dtest=LatencyFlopsBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dnetworks="$networks" -Dseed="$seed" -Dbatch="$batch" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^latency-flops|ERROR|FAIL'
echo "latency-flops: load after: $(uptime | sed 's/.*load average: //'); $(($(date +%s) - start)) s in all"
