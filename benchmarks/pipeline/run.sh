#!/usr/bin/env bash
# Input-pipeline benchmark (not a test): TrainingStream alone, shards → parsed records → shuffle → padded batches →
# tensors, no model, over one full pass of tutorial-sized shards (345 classes × 11,000 generated drawings: 3.45M
# training records in 10 shards), at batch 512, with RSS sampled along the pass. Also the reading and decoding alone,
# and the stream without the tensor copy, to say where the time goes. Prints lines for RESULTS.md.
#   bash benchmarks/pipeline/run.sh        (env: CLASSES=345 PER_CLASS=11000 BATCH=512 BATCHES=0 (0 = a full pass))
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
CLASSES=${CLASSES:-345}; PER_CLASS=${PER_CLASS:-11000}; BATCH=${BATCH:-512}; BATCHES=${BATCHES:-0}
work=data/pipeline/$CLASSES-$PER_CLASS
say() { printf '\033[1;34m[pipeline]\033[0m %s\n' "$*" >&2; }
bash scripts/setup.sh
dotnet build -c Release benchmarks/pipeline/pipeline.cs -nologo -v q -clp:ErrorsOnly >&2
bench() { dotnet run -c Release benchmarks/pipeline/pipeline.cs -- "$@"; }
if [ ! -f "$work/shards/training.tfrecord.classes" ]; then
  say "generating $CLASSES × $PER_CLASS doodles and converting them into $work (once)..."
  bench generate --out "$work" --classes "$CLASSES" --per-class "$PER_CLASS"
fi
say "machine: $(lscpu | grep 'Model name' | sed 's/ \+/ /g'), $(nproc) cores; load: $(uptime | sed 's/.*load/load/')"
bench parse --data "$work/shards"
bench stream --data "$work/shards" --batch-size "$BATCH" --batches "$BATCHES" --no-tensors
bench stream --data "$work/shards" --batch-size "$BATCH" --batches "$BATCHES"
say "load after: $(uptime | sed 's/.*load/load/')"
