#!/usr/bin/env bash
# Knowledge distillation on Fashion-MNIST: a small-cnn teacher retrained first, then the same
# student retrained with the same seed and epochs twice, without a teacher and with it
# (`nas retrain --teacher`); prints every network's test accuracy.
#
#   benchmarks/distillation.sh [STUDENT_EPOCHS] [SEEDS] [TEACHER_EPOCHS] [TEACHER_EXAMPLES]
#       (defaults: 5 "1" 5 0)
#
# The student is the NAS-Bench-201 cell of the README's `nas arch` example at the README main
# job's size (C=8, one cell per stage), trained on a 10,000-image subset of the training split
# (the budget of the "DARTS end to end" benchmark); the teacher is small-cnn trained on
# TEACHER_EXAMPLES images (0: the whole training split of 54,000). SEEDS is a space-separated list;
# each seed trains both students. Temperature and weight: NAS_TEACHER_TEMPERATURE (4) and
# NAS_TEACHER_WEIGHT (0.9); the student's channels: NAS_STUDENT_CHANNELS (8). Needs python3 to
# summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
student_epochs="${1:-5}"
seeds="${2:-1}"
teacher_epochs="${3:-5}"
teacher_examples="${4:-0}"
temperature="${NAS_TEACHER_TEMPERATURE:-4}"
weight="${NAS_TEACHER_WEIGHT:-0.9}"
channels="${NAS_STUDENT_CHANNELS:-8}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|
student='{"cell/node1/from0":"nor_conv_3x3","cell/node2/from0":"nor_conv_3x3","cell/node2/from1":"nor_conv_3x3","cell/node3/from0":"skip_connect","cell/node3/from1":"nor_conv_3x3","cell/node3/from2":"nor_conv_3x3"}'

"$root/nas" retrain --space small-cnn --arch '{}' --epochs "$teacher_epochs" \
    --max-train-examples "$teacher_examples" --seed 1 --out "$work/teacher" --json \
    >"$work/teacher.json" 2>"$work/teacher.log"
for seed in $seeds; do
    for mode in plain taught; do
        extra=()
        if [[ $mode == taught ]]; then
            extra=(--teacher "$work/teacher" --teacher-temperature "$temperature"
                --teacher-weight "$weight")
        fi
        "$root/nas" retrain --space nas-bench-201 --space-opt channels="$channels" --space-opt cells=1 \
            --arch "$student" --epochs "$student_epochs" --max-train-examples 10000 \
            --seed "$seed" --out "$work/$mode-$seed" --json "${extra[@]}" \
            >"$work/$mode-$seed.json" 2>"$work/$mode-$seed.log"
    done
done

python3 - "$work" "$seeds" "$student_epochs" "$teacher_epochs" "$teacher_examples" \
    "$temperature" "$weight" "$channels" <<'PY'
import json, sys
work, seeds, epochs, t_epochs, t_examples, temperature, weight, channels = sys.argv[1:]
teacher = json.load(open(f"{work}/teacher.json"))
m = teacher["metrics"]
images = "the whole training split" if t_examples == "0" else f"{int(t_examples):,} images"
print(f"teacher small-cnn: test accuracy {teacher['testAccuracy']:.4f},"
      f" {m['parameters']:.0f} parameters, {t_epochs} epochs on {images},"
      f" {teacher['wallSeconds']:.0f} s")
print(f"student nas-bench-201 C={channels}, 1 cell per stage: {epochs} epochs on 10,000 images;"
      f" teacher T={temperature}, w={weight}")
print("seed  without teacher  with teacher  difference  seconds (without, with)")
diffs = []
for seed in seeds.split():
    plain = json.load(open(f"{work}/plain-{seed}.json"))
    taught = json.load(open(f"{work}/taught-{seed}.json"))
    diff = taught["testAccuracy"] - plain["testAccuracy"]
    diffs.append(diff)
    print(f"{seed:>4}  {plain['testAccuracy']:.4f}           {taught['testAccuracy']:.4f}"
          f"        {diff:+.4f}     {plain['wallSeconds']:.0f}, {taught['wallSeconds']:.0f}")
print(f"student parameters: {plain['metrics']['parameters']:.0f};"
      f" mean difference {sum(diffs) / len(diffs):+.4f}")
PY
