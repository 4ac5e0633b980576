#!/usr/bin/env bash
# nas: the djl-nas command line. Builds the project on first use, and again whenever a pom.xml or
# a file under */src/main changed since the last build, then runs org.djlnas.cli.Main.
#
#   ./nas spaces | engines | arch ...      (see ./nas --help)
#
# Environment: JAVA_HOME picks the JVM; NAS_JAVA_OPTS adds JVM options (for example -Xmx8g
# -Dnas.engine=PyTorch); NAS_PLUGINS adds plug-in jars to the class path (':'-separated; DIR/* for
# every jar in DIR), as do jars put in the plugins/ folder next to this script (docs/plugins.md);
# OMP_WAIT_POLICY defaults to ACTIVE, or PASSIVE with --parallel above 1 (busy-waiting OpenMP
# threads collapse under contention on small machines). ONEDNN_MAX_CPU_ISA, if set, is kept;
# otherwise a kernel check run once per CPU and PyTorch build chooses it (below).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$root/cli/target/nas-cli.jar"
lib="$root/cli/target/lib"
stamp="$root/target/nas-build.stamp"
log="$root/target/nas-build.log"

# Prints the first input of the build that is newer than the last build, if any.
changed_since_build() {
    find "$root" \
        \( -name '.?*' -o -name target -o -name node_modules -o -path "$root/experiments" \) -prune -o \
        -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit
}

needs_build() {
    [[ ! -f "$jar" || ! -d "$lib" || ! -f "$stamp" ]] || [[ -n "$(changed_since_build)" ]]
}

build() {
    local first_run=$1
    if ! command -v mvn >/dev/null 2>&1; then
        echo "nas: Maven (mvn) is needed to build djl-nas; install it and try again" >&2
        exit 1
    fi
    if [[ $first_run == true ]]; then
        echo "building djl-nas (first run)…" >&2
    else
        echo "rebuilding djl-nas (sources changed)…" >&2
    fi
    local started
    # To the nanosecond: a whole second would count files written earlier in that second (a
    # fresh clone) as changed since the build, and build again on the next run.
    started="$(date +%s.%N)"
    # Running the tool needs neither tests nor the formatting check (Spotless), so neither may
    # stop it.
    local args=(-B -q install -Dmaven.test.skip=true -Dspotless.check.skip=true -f "$root/pom.xml")
    if ! mvn -o "${args[@]}" >"$log" 2>&1; then
        # Offline fails on a fresh machine: fetch the dependencies from Maven Central once.
        if ! mvn "${args[@]}" >>"$log" 2>&1; then
            echo "nas: the build failed; the end of $log:" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
    fi
    # The stamp, not the jar, records the build: Maven keeps an up-to-date jar's old time.
    touch -d "@$started" "$stamp"
}

if needs_build; then
    mkdir -p "$root/target"
    first_run=false
    [[ -f "$stamp" ]] || first_run=true
    # One build at a time when several nas commands start together.
    exec 9>"$root/target/nas-build.lock"
    if command -v flock >/dev/null 2>&1; then
        flock 9
    fi
    if needs_build; then
        build "$first_run"
    fi
    exec 9>&-
fi

java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
fi

# Progress bars redraw in place only when stderr is a terminal; Java cannot tell by itself.
stderr_tty=false
if [[ -t 2 ]]; then
    stderr_tty=true
fi

# OpenMP threads spin between operations by default: fastest when one computation owns the cores
# (a DARTS step: 6.1 s active against 9.9 s passive), but several trials in one process, or other
# busy processes, make spinning threads starve each other. So: passive for --parallel above 1.
wait_policy=ACTIVE
previous=""
for argument in "$@"; do
    if [[ "$previous" == "--parallel" && "$argument" != "1" ]] || [[ "$argument" == --parallel=* && "$argument" != "--parallel=1" ]]; then
        wait_policy=PASSIVE
    fi
    previous="$argument"
done
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-$wait_policy}"
# glibc returns freed tensor memory to the kernel and page-faults it back in on every step;
# keeping it mapped halves training step times (docs/benchmarks.md).
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-4294967296}"
# With freed memory kept, its fragmentation is what grows: glibc parks freed small blocks (the
# native handles and autograd records of every array) in per-thread caches and fast bins, never
# merged with their neighbours, so they pin the large freed tensor blocks between them apart and
# the heap grows past them. Without those caches every freed block merges at once: a first-order
# DARTS search step peaked at 1.85-1.88 GiB instead of 2.1-2.8, no slower (docs/benchmarks.md,
# "DARTS step memory to 2 GiB"). Tunables already set come after these and win.
export GLIBC_TUNABLES="glibc.malloc.tcache_count=0:glibc.malloc.mxfast=0${GLIBC_TUNABLES:+:$GLIBC_TUNABLES}"
export OPT_OUT_TRACKING=true
# TensorFlow logs only errors (its start-up notes are information, not warnings).
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
# MXNet reads its thread settings natively as it loads; Java cannot set them. One OpenMP thread per
# operation: on 2 busy cores a second thread made a DARTS step 10x slower (docs/engines.md).
export MXNET_OMP_MAX_THREADS="${MXNET_OMP_MAX_THREADS:-1}"
# TensorFlow's natives, unpacked by the build (never on the class path, or they load twice).
export TENSORFLOW_LIBRARY_PATH="${TENSORFLOW_LIBRARY_PATH:-$root/cli/target/tensorflow-native/org/tensorflow/internal/c_api/linux-x86_64}"

# Plug-ins: every jar in plugins/, then NAS_PLUGINS. ServiceLoader finds their providers.
class_path="$jar:$lib/*:$root/plugins/*"
if [[ -n "${NAS_PLUGINS:-}" ]]; then
    class_path="$class_path:$NAS_PLUGINS"
fi

java_options=(-XX:+UseSerialGC -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1)

# oneDNN's instruction set for PyTorch (2.7.1 ships oneDNN 3.7.1, which reads ONEDNN_MAX_CPU_ISA).
# On 2026-11-27/28, on a machine whose CPU was not recorded, its AVX2 and AVX-512 convolution
# backward kernels gave wrong input gradients and its AVX kernels made small networks diverge at
# random; on later machines the same kernels were exact. oneDNN's JIT shapes its kernels by the
# CPU (cache sizes, not only instruction sets), so whether they are right is a property of the
# CPU: `nas check-kernels` measures it (single against double precision, docs/engines.md, "CPU
# kernels"). Once per CPU model, flags and PyTorch build, the launcher runs that check with
# oneDNN's own choice (ALL), then AVX2, and keeps the first that passes, or SSE41 (exact
# everywhere so far, 30-50% slower) if none does; the verdict is cached in target/ and read by
# every later command. A value already set is kept, and the check never runs then. MXNet's older
# oneDNN reads DNNL_MAX_CPU_ISA instead and is not capped.
verdict="$root/target/nas-kernels.verdict"
kernels_log="$root/target/nas-kernels.log"

# Prints the key of this CPU and engine: model name, flags and the PyTorch native jars.
kernel_key() {
    {
        grep -m1 '^model name' /proc/cpuinfo 2>/dev/null || true
        grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true
        (cd "$lib" && ls pytorch-native-*.jar pytorch-jni-*.jar 2>/dev/null) || true
    } | sha256sum | cut -c1-16
}

# Prints the cached instruction set for a key, if there is one.
cached_isa() {
    local key isa
    [[ -f "$verdict" ]] || return 0
    { read -r key && read -r isa; } <"$verdict" || return 0
    if [[ "$key" == "$1" ]]; then
        echo "$isa"
    fi
}

# Runs the kernel check with an instruction set; its own JVM is given the cap explicitly and only
# the build's class path (no plug-ins), so it neither recurses nor depends on plug-ins.
check_kernels() {
    echo "== ONEDNN_MAX_CPU_ISA=$1 $(date -u +%FT%TZ)" >>"$kernels_log"
    ONEDNN_MAX_CPU_ISA="$1" "$java" "${java_options[@]}" -cp "$jar:$lib/*" \
        org.djlnas.cli.Main check-kernels >>"$kernels_log" 2>&1
}

# Chooses the instruction set for this CPU and engine, and caches it with a one-line note.
choose_isa() {
    local key=$1 isa status note failed=""
    echo "checking this CPU's oneDNN kernels (once)…" >&2
    : >"$kernels_log"
    for isa in ALL AVX2; do
        status=0
        check_kernels "$isa" || status=$?
        if [[ $status == 0 ]]; then
            note="ONEDNN_MAX_CPU_ISA=$isa passed nas check-kernels on $(date -u +%F)${failed:+ ($failed failed)}"
            break
        elif [[ $status != 3 ]]; then
            # The check could not run (status 1 or 2): use the safe kernels, decide next time.
            echo "nas: the kernel check did not run (status $status; see $kernels_log); using SSE41" >&2
            ONEDNN_MAX_CPU_ISA=SSE41
            return
        fi
        failed="${failed:+$failed, }$isa"
        isa=SSE41
        note="ALL and AVX2 failed nas check-kernels on $(date -u +%F) (see $kernels_log); SSE41"
    done
    if [[ $isa == SSE41 ]]; then
        echo "nas: oneDNN's faster kernels failed the check on this CPU; using SSE41 (see $kernels_log)" >&2
    fi
    printf '%s\n%s\n%s\n' "$key" "$isa" "$note" >"$verdict.tmp"
    mv "$verdict.tmp" "$verdict"
    ONEDNN_MAX_CPU_ISA=$isa
}

if [[ -z "${ONEDNN_MAX_CPU_ISA:-}" ]]; then
    key="$(kernel_key)"
    ONEDNN_MAX_CPU_ISA="$(cached_isa "$key")"
    if [[ -z "$ONEDNN_MAX_CPU_ISA" ]]; then
        # One check at a time when several nas commands start together.
        exec 8>"$root/target/nas-kernels.lock"
        if command -v flock >/dev/null 2>&1; then
            flock 8
        fi
        ONEDNN_MAX_CPU_ISA="$(cached_isa "$key")"
        if [[ -z "$ONEDNN_MAX_CPU_ISA" ]]; then
            choose_isa "$key"
        fi
        exec 8>&-
    fi
fi
export ONEDNN_MAX_CPU_ISA

# shellcheck disable=SC2086 # NAS_JAVA_OPTS holds several options
exec "$java" \
    "${java_options[@]}" \
    -Dnas.stderr.tty="$stderr_tty" \
    ${NAS_JAVA_OPTS:-} \
    -cp "$class_path" \
    org.djlnas.cli.Main "$@"
