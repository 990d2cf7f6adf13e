#!/usr/bin/env bash
# Converter benchmark (not a test): our ndjson → TFRecord converter (scripts/convert.cs, every core) against a plain
# per-line Python implementation of the tutorial's parse_line (tutorial_parse_line.py: json + numpy + the record),
# on the same ≥ 100 MB of generated ndjson; then a bit-for-bit parity check of the records both wrote, on that
# input and on the shared real sample when present. Prints a markdown table for RESULTS.md.
#   bash benchmarks/convert/run.sh            (env: PER_CLASS=40000 RUNS=5 PY_LIMIT=4000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
PER_CLASS=${PER_CLASS:-40000}   # easy doodles per class, 10 classes: ≈ 104 MB of ndjson
RUNS=${RUNS:-5}                 # timed runs of ours, each paired with one of the Python peer; medians reported
PY_LIMIT=${PY_LIMIT:-4000}      # the paired Python runs read the first N lines of each class (0 = all)
work=data/bench/convert
py=/usr/bin/python3
say() { printf '\033[1;34m[bench]\033[0m %s\n' "$*" >&2; }

# (a) The Python peer runs on Debian's numpy (and crcmod's C CRC-32C, as TensorFlow's writer has a C++ one).
if ! $py -c 'import numpy' 2>/dev/null || ! $py -c 'import crcmod' 2>/dev/null; then
  say "installing python3-numpy and python3-crcmod for $py..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq python3-numpy python3-crcmod >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq python3-numpy python3-crcmod >/dev/null; }
fi
$py -c 'import numpy' || { echo "numpy missing for $py: apt-get install -y python3-numpy" >&2; exit 1; }

bash scripts/setup.sh
convert() { dotnet run -c Release scripts/convert.cs -- "$@"; }  # Release: a Debug build runs unoptimised

# (b) ≥ 100 MB of synthetic ndjson, generated once (seeded: the same bytes every time).
mkdir -p "$work"
if [ "$(cat "$work/ndjson/.per-class" 2>/dev/null)" != "$PER_CLASS" ]; then
  say "generating $PER_CLASS doodles × 10 classes into $work/ndjson..."
  rm -rf "$work/ndjson"
  convert --synthetic "$PER_CLASS" --input "$work/ndjson" --output "$work/scratch" --train-per-class 1 --eval-per-class 0 --shards 1 >/dev/null
  echo "$PER_CLASS" > "$work/ndjson/.per-class"
fi
mb=$(du -b --apparent-size "$work"/ndjson/*.ndjson | awk '{s+=$1} END {printf "%.1f", s/1e6}')
say "input: $mb MB in $(ls "$work"/ndjson/*.ndjson | wc -l) files; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# (c, d) Ours on the whole input, into a fresh folder each time (as a first conversion would), each run paired
# with the Python peer on the first PY_LIMIT lines of each class right after it, so that both see the same load
# on this shared machine (its rates are per drawing and per byte, so a subset measures them).
for i in $(seq 1 "$RUNS"); do
  rm -rf "$work/ours"
  start=$(date +%s.%N)
  convert --input "$work/ndjson" --output "$work/ours" --train-per-class 10000000 --eval-per-class 0 \
    --summary-json "$work/ours-$i.json" > "$work/ours-$i.log"
  awk "BEGIN { print $(date +%s.%N) - $start }" > "$work/ours-$i.wall"
  $py benchmarks/convert/tutorial_parse_line.py --input "$work/ndjson" --limit "$PY_LIMIT" > "$work/python-$i.json"
  say "run $i: ours $(grep -E '"seconds"' "$work/ours-$i.json" | tr -d ' ,') (process $(cat "$work/ours-$i.wall") s); python $(grep -o '"seconds": [0-9.]*' "$work/python-$i.json")"
done

# The Python peer once more on the whole input, writing its records for the parity check.
say "python peer on the whole input..."
$py benchmarks/convert/tutorial_parse_line.py --input "$work/ndjson" --out "$work/python.tfrecord" > "$work/python.json"

# Parity: the records both wrote for the same drawings are the same bytes.
parity=()
parity+=("$($py benchmarks/convert/same_records.py --label "synthetic" --ours "$work"/ours/training.tfrecord-* --theirs "$work/python.tfrecord")")
sample="${QUICKDRAW_SAMPLE:-$here/../shared/quickdraw}"
for kind in simplified raw; do
  [ -d "$sample/$kind" ] || continue
  rm -rf "$work/parity-$kind"
  convert --input "$sample/$kind" --output "$work/parity-$kind" --train-per-class 10000000 --eval-per-class 0 --shards 1 > /dev/null
  $py benchmarks/convert/tutorial_parse_line.py --input "$sample/$kind" --out "$work/parity-$kind.tfrecord" > /dev/null
  parity+=("$($py benchmarks/convert/same_records.py --label "real sample, $kind" --ours "$work"/parity-$kind/training.tfrecord-* --theirs "$work/parity-$kind.tfrecord")")
done

# (e) Figures.
$py benchmarks/convert/report.py "$work" "$RUNS" "$mb" "${parity[@]}"
