#!/usr/bin/env bash
# Why MXNet's DARTS step trails PyTorch's (docs/benchmarks.md, "MXNet's depthwise weight
# gradients"): forward and backward of one depthwise convolution of each kind in the DARTS
# supernet (3x3, 5x5, and both dilated by 2; 64x16x14x14), in plain DJL (no djl-nas code), on
# MXNet and PyTorch, each with one OpenMP thread; then the oneDNN implementation MXNet 1.9.1
# chose for each kind's weight gradient (DNNL_VERBOSE). Needs the CLI's libraries (./nas builds
# them).
#
#   benchmarks/depthwise.sh [PASSES]     (default 20 passes per kind and round)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
passes="${1:-20}"
[[ "$passes" =~ ^[1-9][0-9]*$ ]] || { echo "depthwise.sh: PASSES is '$passes'; expected a positive whole number" >&2; exit 2; }
lib="$root/cli/target/lib"
[[ -d "$lib" ]] || { echo "depthwise.sh: $lib is missing; run ./nas --help once to build it" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export OMP_NUM_THREADS=1 MXNET_OMP_MAX_THREADS=1 OMP_WAIT_POLICY=PASSIVE
java_opts=(-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$lib/*")
bench="$root/benchmarks/depthwise/DepthwiseBench.java"
echo "CPU flags: $(grep -o 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
DNNL_VERBOSE=1 java "${java_opts[@]}" "$bench" MXNet "$passes" >"$work/mxnet.txt"
java "${java_opts[@]}" "$bench" PyTorch "$passes" >"$work/pytorch.txt"
echo "last round, ms per pass (CPU, wall):"
grep -h "round 4" "$work/mxnet.txt" "$work/pytorch.txt"
echo "MXNet's oneDNN, weight gradient (backward_weights) by kernel: implementation, calls, ms a call"
grep '^dnnl_verbose,exec' "$work/mxnet.txt" | awk -F, '$6 == "backward_weights" {
    match($(NF-1), /kh[0-9]+/); k = substr($(NF-1), RSTART + 2, RLENGTH - 2);
    match($(NF-1), /dh[0-9]+/); d = substr($(NF-1), RSTART + 2, RLENGTH - 2) + 1;
    key = k "x" k " dilation " d ": " $5; t[key] += $NF; n[key]++ }
    END { for (key in t) printf "  %s, %d calls, %.2f ms\n", key, n[key], t[key] / n[key] }' | sort
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
