#!/usr/bin/env bash
# Samples mobilenet architectures at the default settings (3x32x32 images, 10 classes) and prints
# each one's parameters, multiply-adds and median batch-1 CPU inference latency on PyTorch (one
# thread, the test configuration), then the rank correlations (spaces' MobileNetLatencyBenchmark,
# -Pbenchmarks).
#
#   benchmarks/mobilenet-latency.sh [ARCHITECTURES] [SEED]    (defaults: 20 1)
#
# Extra properties: -DwarmUp=10 -Drepeats=30 through MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
architectures="${1:-20}"
seed="${2:-1}"
cd "$root"
uptime
mvn -B -o -q -Pbenchmarks -pl spaces -am verify -Dtest=MobileNetLatencyBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Darchitectures="$architectures" -Dseed="$seed" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^mobilenet|ERROR|FAIL'
uptime
