#!/usr/bin/env bash
# Spearman's rho between each zero-cost proxy and the 1-epoch trained validation accuracy of a
# seeded sample of NAS-Bench-201 networks (C=8, one cell per stage) on Fashion-MNIST, and the time
# of one proxy evaluation (runtime's ZeroCostFashionMnistBenchmark, -Pbenchmarks). Rows are written
# to runtime/target/zero-cost-fashion-mnist.csv.
#
#   benchmarks/zero-cost-fashion-mnist.sh [NETWORKS] [MAX_TRAIN_EXAMPLES] [SEED]   (defaults: 60 4000 1)
#
# Needs Fashion-MNIST (apt-get install dataset-fashion-mnist). -Dproxies=... through MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
networks="${1:-60}"
examples="${2:-4000}"
seed="${3:-1}"
cd "$root"
mvn -B -o -q -Pbenchmarks -pl runtime -am verify -Dtest=ZeroCostFashionMnistBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dnetworks="$networks" -DmaxTrainExamples="$examples" -Dseed="$seed" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^zero-cost-fashion-mnist|ERROR|FAIL'
