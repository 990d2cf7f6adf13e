#!/usr/bin/env bash
# Converter benchmark (not a test): our ndjson → TFRecord converter (scripts/convert.cs, every core) against a plain
# per-line Python implementation of the tutorial's parse_line (tutorial_parse_line.py: json + numpy + the record),
# on the same ≥ 100 MB of generated ndjson; then a bit-for-bit parity check of the records both wrote, on that
# input and on the shared real sample when present. Prints a markdown table for RESULTS.md.
#   bash benchmarks/convert/run.sh            (env: PER_CLASS=40000 RUNS=3 PY_LIMIT=0)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
PER_CLASS=${PER_CLASS:-40000}   # easy doodles per class, 10 classes: ≈ 104 MB of ndjson
RUNS=${RUNS:-3}                 # timed runs of ours; the median is reported
PY_LIMIT=${PY_LIMIT:-0}         # Python peer: first N lines per class (0 = all), rates are per drawing and per byte
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

# (c) Ours, RUNS times, into a fresh folder each time (as a first conversion would).
for i in $(seq 1 "$RUNS"); do
  rm -rf "$work/ours"
  start=$(date +%s.%N)
  convert --input "$work/ndjson" --output "$work/ours" --train-per-class 10000000 --eval-per-class 0 \
    --summary-json "$work/ours-$i.json" > "$work/ours-$i.log"
  awk "BEGIN { print $(date +%s.%N) - $start }" > "$work/ours-$i.wall"
  say "ours, run $i: $(grep -E '"seconds"' "$work/ours-$i.json" | tr -d ' ,') (process: $(cat "$work/ours-$i.wall") s)"
done

# (d) The Python peer on the same input, writing its records too.
say "python peer (tutorial_parse_line.py)..."
$py benchmarks/convert/tutorial_parse_line.py --input "$work/ndjson" --limit "$PY_LIMIT" --out "$work/python.tfrecord" > "$work/python.json"

# Parity: the records both wrote for the same drawings are the same bytes.
parity=()
if [ "$PY_LIMIT" = 0 ]; then
  parity+=("$($py benchmarks/convert/same_records.py --label "synthetic" --ours "$work"/ours/training.tfrecord-* --theirs "$work/python.tfrecord")")
fi
sample="${QUICKDRAW_SAMPLE:-$here/../shared/quickdraw}"
for kind in simplified raw; do
  [ -d "$sample/$kind" ] || continue
  rm -rf "$work/parity-$kind"
  convert --input "$sample/$kind" --output "$work/parity-$kind" --train-per-class 10000000 --eval-per-class 0 --shards 1 > /dev/null
  $py benchmarks/convert/tutorial_parse_line.py --input "$sample/$kind" --out "$work/parity-$kind.tfrecord" > /dev/null
  parity+=("$($py benchmarks/convert/same_records.py --label "real sample, $kind" --ours "$work"/parity-$kind/training.tfrecord-* --theirs "$work/parity-$kind.tfrecord")")
done

# (e) Figures.
$py - "$work" "$RUNS" "$mb" "$(printf '%s\n' "${parity[@]}")" <<'EOF'
import json, statistics, subprocess, sys, datetime
work, runs, mb, parity = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ours = [json.load(open(f"{work}/ours-{i}.json")) for i in range(1, runs + 1)]
walls = [float(open(f"{work}/ours-{i}.wall").read()) for i in range(1, runs + 1)]
py = json.load(open(f"{work}/python.json"))
med = sorted(ours, key=lambda o: o["seconds"])[runs // 2]
o_dps, o_mbs = med["drawings_per_second"], med["input_mb_per_second"]
p_dps, p_mbs = py["drawings"] / py["seconds"], py["input_bytes"] / 1e6 / py["seconds"]
o_cpu, p_cpu = med["input_bytes"] / 1e6 / med["cpu_seconds"], py["input_bytes"] / 1e6 / py["cpu_seconds"]
cpu = subprocess.run("lscpu | sed -n 's/^Model name: *//p'", shell=True, capture_output=True, text=True).stdout.strip()
print(f"\nmachine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; "
      f"{datetime.datetime.now():%Y-%m-%d %H:%M}; input {mb} MB ({med['train_records']:,} drawings, 10 classes)")
print("\n| converter | drawings/s | MB/s of ndjson | MB/s per CPU-second | seconds |")
print("|---|---:|---:|---:|---:|")
print(f"| ours, scripts/convert.cs ({med['workers']} workers, median of {runs}) | {o_dps:,.0f} | {o_mbs:,.1f} | {o_cpu:,.1f} | {med['seconds']:.2f} |")
print(f"| Python peer, per-line parse_line (1 core) | {p_dps:,.0f} | {p_mbs:,.1f} | {p_cpu:,.1f} | {py['seconds']:.2f} |")
print(f"| **ratio** | **{o_dps / p_dps:.1f}×** | **{o_mbs / p_mbs:.1f}×** | {o_cpu / p_cpu:.1f}× | |")
each = ", ".join(f"{o['seconds']:.2f}" for o in ours)
whole = ", ".join(f"{w:.1f}" for w in walls)
print(f"\nours, every run (s): {each}; whole process incl. `dotnet run` start-up: {whole}")
st = py["stage_seconds"]
print("python stages (s): " + ", ".join(f"{k} {v:.2f}" for k, v in st.items()) + f"; CRC-32C: {py['crc']}; "
      f"numpy {py['numpy']}, Python {py['python']}")
print("\n".join(l for l in parity.splitlines() if l))
EOF
