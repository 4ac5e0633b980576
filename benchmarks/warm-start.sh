#!/usr/bin/env bash
# Warm start across data sets (issue 20): mlp searches on the meta-training tables of
# python3-sklearn (breast cancer, wine), then regularized evolution on the held-out digits table
# with and without --warm-start from them; prints, per seed, the trials and search seconds until
# the best validation accuracy reaches each threshold (runtime's WarmStartBenchmark, -Pbenchmarks).
#
#   benchmarks/warm-start.sh [TRIALS] [SEEDS]    (defaults: 30 3)
#
# Needs Debian's python3-sklearn (its data files only). Extra properties through MAVEN_ARGS:
# -Dsources=breast-cancer,wine -Dtarget=digits -DsourceTrials=30 -Depochs=20
# -Dthresholds=0.98,0.99,1.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-30}"
seeds="${2:-3}"
cd "$root"
mvn -B -o -q -Pbenchmarks -pl runtime -am verify -Dtest=WarmStartBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dtrials="$trials" -Dseeds="$seeds" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^(warm-start|digits|wine|breast-cancer|iris|diabetes)[: ]|ERROR|FAIL'
