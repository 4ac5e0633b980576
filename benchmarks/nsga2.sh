#!/usr/bin/env bash
# NSGA-II against random search on the NAS-Bench-201 CIFAR-10 table with two objectives, test
# accuracy (max) and trainable parameters (min, counted on the compiled C=16, N=5 networks):
# hypervolume after QUERIES trials, mean ± standard deviation over seeds 1..SEEDS, the same seeds
# for every strategy; reference point (accuracy 0, parameters of the largest network), objectives
# normalised to [0, 1] (runtime's Nsga2Benchmark, -Pbenchmarks).
#
#   benchmarks/nsga2.sh [QUERIES] [SEEDS] [OPTIMUM]    (defaults: 100 20 false)
#
# OPTIMUM=true also prints the hypervolume of the table's whole Pareto front (counts the parameters
# of all 15,625 networks: several minutes more).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
queries="${1:-100}"
seeds="${2:-20}"
optimum="${3:-false}"
cd "$root"
mvn -B -o -q -Pbenchmarks -pl runtime -am verify -Dtest=Nsga2Benchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dqueries="$queries" -Dseeds="$seeds" -Doptimum="$optimum" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^nsga2-benchmark:|ERROR|FAIL'
