#!/usr/bin/env bash
# Training benchmark of the tutorial model: our TorchSharp lib vs the same model in PyTorch (Debian's
# python3-torch 1.13, CPU), side by side on identical padded batches, same thread count; then what length
# bucketing saves (padding, examples/s) and what it does to accuracy. Writes out/*.tsv and prints tables.
#
# usage: bash benchmarks/training/run.sh [all|speed|bucketing|accuracy]     (default: all)
# env:   TURNS=16  BUCKET_TURNS=12  REF_TURNS=3  THREADS=2  ACC_STEPS=300  ACC_BATCH=64  ACC_LR=1e-3  ACC_THREADS=1  ACC_SEEDS="0 1"
#        ACC_MINUTES=0 (a time budget per accuracy run, 0 = steps only)  ACC_EVAL_EVERY=0 (full eval every N steps: a curve)
#        ACC_NAME=acc (accuracy runs go to OUT/runs/ACC_NAME-s<seed>[-bucket], and their lines to OUT/ACC_NAME.txt)
#        THREADS_LIST="2 1": ours vs peer also at 1 thread, whose examples per CPU-second a busy machine barely moves
#        ALLOCATORS="default tuned": glibc malloc as it comes, and tuned (see alloc_env below)
#        OUT=benchmarks/training/out: where shards, batch files, timings and runs go
#        MAX_WAIT=30 (seconds each turn may wait for the shared machine to be quiet, see alternate.py)
# needs: root on Debian 12 for the one-time apt-get of python3-torch (+ libopenblas0-openmp, the BLAS
#        Debian recommends for libtorch; the peer is also timed once on the reference BLAS python3-torch
#        pulls in alone, for the record).
{ # (the whole script is one block, read before it runs: editing it mid-run cannot derail a run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
what="${1:-all}"
TURNS="${TURNS:-16}"; BUCKET_TURNS="${BUCKET_TURNS:-12}"; MAX_WAIT="${MAX_WAIT:-30}"; REF_TURNS="${REF_TURNS:-3}"; THREADS="${THREADS:-2}"; THREADS_LIST="${THREADS_LIST:-$THREADS 1}"; ALLOCATORS="${ALLOCATORS:-default tuned}"
ACC_THREADS="${ACC_THREADS:-1}"; ACC_SEEDS="${ACC_SEEDS:-0 1}"; ACC_STEPS="${ACC_STEPS:-300}"; ACC_BATCH="${ACC_BATCH:-64}"; ACC_LR="${ACC_LR:-1e-3}"
ACC_MINUTES="${ACC_MINUTES:-0}"; ACC_EVAL_EVERY="${ACC_EVAL_EVERY:-0}"; ACC_NAME="${ACC_NAME:-acc}"
out="${OUT:-$here/out}"; mkdir -p "$out"
say() { printf '\033[1;34m[bench]\033[0m %s\n' "$*" >&2; }

# 1. the peer: Debian bookworm's python3-torch for /usr/bin/python3 (kept out of the tests' set-up).
py=/usr/bin/python3
if ! "$py" -c 'import torch' 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3 ]; then
  [ "$(id -u)" = 0 ] || { echo "run as root once (apt-get install -y -t bookworm python3-torch libopenblas0-openmp)" >&2; exit 1; }
  say "installing python3-torch 1.13 and OpenBLAS (apt-get, ~240 packages)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq -t bookworm python3-torch libopenblas0-openmp >/dev/null
fi
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
refblas=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack
export OMP_NUM_THREADS="$THREADS"

# 2. our side: the lib (scripts/setup.sh) and the benchmark program, Release.
bash scripts/setup.sh
say "building bench.cs (Release)..."
dotnet build -c Release "$here/bench.cs" -nologo -v q -clp:ErrorsOnly >&2
bench() { dotnet run -c Release "$here/bench.cs" -- "$@"; }
peer() { local blas="$1"; shift; LD_LIBRARY_PATH="$blas" "$py" "$here/peer_pytorch.py" "$@" --threads "$THREADS"; }

# 3. shards (real sample when present), padding statistics, fixed batch files.
if [ ! -f "$out/batches-b64-bucket.bin" ] || [ "$what" = bucketing ] || [ "$what" = all ]; then
  say "preparing shards and batch files..."
  bench prepare --out "$out" | tee "$out/padding.md"
fi
say "parity: the peer loads our seeded weights by name and must give the same logits..."
bench parity --batches "$out/batches-b8.bin" --out "$out/parity.bin"
peer "$openblas" --batches "$out/batches-b8.bin" --parity "$out/parity.bin" | tee "$out/parity.txt"

# Both sides run as long-lived processes that take turns (alternate.py): each turn, ours and the peer train the
# same K batches back to back, the order flipping every turn, so both see the same load of the shared machine.
# K per batch size: a few seconds per side and turn.
turn_steps() { [ "$1" = 8 ] && echo 8 || echo 2; }
# Allocator: "default" is glibc malloc as it comes; "tuned" keeps blocks up to 32 MiB in the heap and trims it only
# above 256 MiB free. The peer's packed-LSTM backward allocates and zero-fills a full-size gradient per time step;
# by default each such block is a fresh mmap that page-faults, which makes it 2-3x slower. Ours barely notices.
alloc_env() { [ "$1" = tuned ] && echo "MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=268435456" || true; }
# side_cmd ours|peer BATCH_FILE THREADS ALLOCATOR [BLAS_DIR]: the command line of one --serve process.
side_cmd() {
  local env="env OMP_NUM_THREADS=$3 $(alloc_env "$4")"
  if [ "$1" = ours ]; then echo "$env dotnet run -c Release $here/bench.cs -- speed --serve --threads $3 --batches $2"
  else echo "$env LD_LIBRARY_PATH=${5:-$openblas} $py $here/peer_pytorch.py --serve --threads $3 --batches $2"; fi
}
alternate() { "$py" "$here/alternate.py" --max-wait "$MAX_WAIT" "$@"; }

if [ "$what" = all ] || [ "$what" = speed ]; then
  : > "$out/speed.tsv"; : > "$out/speed-refblas.tsv"
  for T in $THREADS_LIST; do
    for A in $ALLOCATORS; do
      for B in 8 64; do
        say "speed at batch $B, $T thread(s), $A allocator: ours vs peer, $TURNS turns of $(turn_steps $B) steps each..."
        alternate --tag "b$B-t$T-$A" --tsv "$out/speed.tsv" --turns "$TURNS" --steps "$(turn_steps $B)" --warmup "$(turn_steps $B)" \
          "ours=$(side_cmd ours "$out/batches-b$B.bin" "$T" "$A")" "peer=$(side_cmd peer "$out/batches-b$B.bin" "$T" "$A")"
      done
    done
  done
  for B in 8 64; do
    say "peer at batch $B on OpenBLAS vs Debian's reference BLAS (what python3-torch alone pulls in), $REF_TURNS turns..."
    alternate --tag "b$B-t$THREADS-tuned" --tsv "$out/speed-refblas.tsv" --turns "$REF_TURNS" --steps "$(turn_steps $B)" --warmup 1 \
      "openblas=$(side_cmd peer "$out/batches-b$B.bin" "$THREADS" tuned)" "refblas=$(side_cmd peer "$out/batches-b$B.bin" "$THREADS" tuned "$refblas")"
  done
fi

if [ "$what" = all ] || [ "$what" = bucketing ]; then
  : > "$out/speed-bucket.tsv"
  for B in 8 64; do
    say "bucketing speed at batch $B: ours on plain vs bucketed batches, $BUCKET_TURNS turns..."
    alternate --tag "b$B-t$THREADS-default" --tsv "$out/speed-bucket.tsv" --turns "$BUCKET_TURNS" --steps "$(turn_steps $B)" --warmup "$(turn_steps $B)" \
      "plain=$(side_cmd ours "$out/batches-b$B.bin" "$THREADS" default)" "bucketed=$(side_cmd ours "$out/batches-b$B-bucket.bin" "$THREADS" default)"
  done
fi

if [ "$what" = all ] || [ "$what" = accuracy ]; then
  say "accuracy: runs of $ACC_STEPS steps at batch $ACC_BATCH, lr $ACC_LR, $ACC_THREADS thread(s), seeds $ACC_SEEDS, without and with bucketing..."
  [ "$ACC_NAME" = acc ] && acc_txt="$out/accuracy.txt" || acc_txt="$out/$ACC_NAME.txt"
  : > "$acc_txt"
  for seed in $ACC_SEEDS; do
    for bucket in "" "--bucket"; do
      bench accuracy --data "$out/shards" --run "$out/runs/$ACC_NAME-s$seed${bucket:+-bucket}" --steps "$ACC_STEPS" --minutes "$ACC_MINUTES" \
        --eval-every "$ACC_EVAL_EVERY" --batch-size "$ACC_BATCH" --lr "$ACC_LR" --seed "$seed" --threads "$ACC_THREADS" $bucket | tee -a "$acc_txt" >&2
    done
  done
fi

"$py" "$here/summarize.py" "$out"
exit
}
