#!/usr/bin/env bash
# Tables of python3-sklearn (breast cancer, wine, digits; diabetes for regression) through the csv
# data source: a search of the mlp space, its best architecture retrained, and the linear baseline
# (logistic or linear regression) retrained by the same trainer, same budget, same split; prints
# test accuracy or RMSE, parameters and wall times (runtime's TablesBenchmark, -Pbenchmarks).
#
#   benchmarks/tables.sh [TRIALS] [SEED] [TABLES]    (defaults: 30 1 breast-cancer,wine,digits,diabetes)
#
# Needs Debian's python3-sklearn (its data files only). Extra properties: -Dstrategy=random,
# -DsearchEpochs=20, -DretrainEpochs (default: the search's epochs) through MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-30}"
seed="${2:-1}"
tables="${3:-breast-cancer,wine,digits,diabetes}"
cd "$root"
mvn -B -o -q -Pbenchmarks -pl runtime -am verify -Dtest=TablesBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dtrials="$trials" -Dseed="$seed" -Dtables="$tables" ${MAVEN_ARGS:-} 2>&1 \
    | grep -E '^(tables|breast-cancer|wine|digits|diabetes|iris)[: ]|ERROR|FAIL'
