#!/usr/bin/env bash
# Spearman's rho between data-free zero-cost proxies of the untrained NAS-Bench-201 networks (C=16,
# 5 cells per stage, 3x32x32 input, 10 classes) and the built-in CIFAR-10 table (runtime's
# ZeroCostNb201Benchmark, -Pbenchmarks). Scores are written to runtime/target/zero-cost-nb201.csv.
#
#   benchmarks/zero-cost-nb201.sh [PROXIES] [SAMPLE] [SAMPLE_SEED]   (defaults: synflow,params 0 1)
#
# SAMPLE 0 scores all 15,625 networks; N > 0 a seeded random sample of N. Engine: -Dnas.engine=...
# through MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
proxies="${1:-synflow,params}"
sample="${2:-0}"
sample_seed="${3:-1}"
cd "$root"
mvn -B -o -q -Pbenchmarks -pl runtime -am verify -Dtest=ZeroCostNb201Benchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dproxies="$proxies" -Dsample="$sample" -DsampleSeed="$sample_seed" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^zero-cost-nb201|ERROR|FAIL'
