#!/usr/bin/env bash
# Fashion-MNIST as an image folder against the built-in fashion-mnist source, side by side in one
# run: writes the 60,000 training and 10,000 test images as PNG files, times their decoding and
# batching, then trains the same sampled nas-bench-201 architectures (C=8, one cell per stage; one
# epoch over 10,000 training images, seed 1) on both sources, and once more on the built-in source
# with trial seed 2 to show the seed-to-seed noise. Prints decoding throughput and a table of test
# accuracies (docs/benchmarks.md, "Image folders").
#
#   benchmarks/image-folder.sh [ARCHITECTURES]    (default: 5)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
architectures="${1:-5}"
cd "$root"
mvn -B -o -q -pl runtime -am verify -Pbenchmarks -Dtest=ImageFolderBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dspotless.check.skip=true \
    "-Dnas.test.jvmArgs=-Xmx6g -Darchitectures=$architectures" 2>&1 |
    grep -E 'wrote|decoded|ms/batch|^\||mean \||architecture:|ERROR|FAIL'
