#!/usr/bin/env bash
# Training speed against a current PyTorch: trixie's python3-torch 2.6 (in a trixie root made by trixie_root.sh, so the
# host's Python stays as it is), at batch 8, 64 and 512, for the tutorial's model (3×128 BiLSTM) and the main job's
# (1×64), on the identical batch files run.sh makes (real sample when present). Same step on both sides (peer_pytorch.py
# mirrors Trainer.Step), same threads, taking turns (alternate.py) so both see the same load. Writes
# OUT/speed-torch26.tsv and prints a table (summarize_torch26.py).
#
# usage: bash benchmarks/training/run_torch26.sh
# env:   TURNS=8  THREADS=2  MAX_WAIT=5 (seconds each turn may wait for quiet)  SIZES="8 64 512"  MODELS="tutorial main"
#        OUT=benchmarks/training/out   ROOT=OUT/trixie-root
# needs: root once (debootstrap, chroot, mount --bind).
{
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
TURNS="${TURNS:-8}"; THREADS="${THREADS:-2}"; MAX_WAIT="${MAX_WAIT:-5}"; SIZES="${SIZES:-8 64 512}"; MODELS="${MODELS:-tutorial main}"
out="${OUT:-$here/out}"; mkdir -p "$out"
trixie="${ROOT:-$out/trixie-root}"
say() { printf '\033[1;34m[torch26]\033[0m %s\n' "$*" >&2; }
py=/usr/bin/python3

bash "$here/trixie_root.sh" "$trixie" >/dev/null
# The benchmark folder (scripts and batch files) appears at /bench inside the root.
mkdir -p "$trixie/bench"
mountpoint -q "$trixie/bench" || mount --bind "$here" "$trixie/bench"
cleanup() { umount "$trixie/bench" 2>/dev/null || true; }
trap cleanup EXIT
inside() { local p="$1"; echo "/bench/${p#"$here"/}"; }

bash scripts/setup.sh
say "building bench.cs (Release)..."
dotnet build -c Release "$here/bench.cs" -nologo -v q -clp:ErrorsOnly >&2
bench() { dotnet run -c Release "$here/bench.cs" -- "$@"; }
if [ ! -f "$out/batches-b8.bin" ] || [ ! -f "$out/batches-b64.bin" ]; then say "batch files for 8 and 64..."; bench prepare --out "$out" --sizes 8,64 >&2; fi
if [ ! -f "$out/batches-b512.bin" ]; then say "batch file for 512 (24 batches)..."; bench prepare --out "$out" --sizes 512 --dump 24 --stream-examples 20000 >&2; fi
case "$out" in "$here"/*) ;; *) echo "run_torch26.sh: OUT must be inside $here (it is mounted into the root)" >&2; exit 1;; esac

model_args() { [ "$1" = main ] && echo "--num-layers 1 --num-nodes 64" || echo "--num-layers 3 --num-nodes 128"; }
for M in $MODELS; do
  say "parity ($M model): torch 2.6 loads our seeded weights by name and must give the same logits..."
  bench parity --batches "$out/batches-b8.bin" --out "$out/parity-$M.bin" $(model_args "$M") >&2
  chroot "$trixie" python3 "$(inside "$here/peer_pytorch.py")" --batches "$(inside "$out/batches-b8.bin")" --parity "$(inside "$out/parity-$M.bin")" $(model_args "$M") | tee "$out/parity-torch26-$M.txt"
done

turn_steps() { case "$1" in 8) echo 8;; 64) echo 2;; *) echo 1;; esac; }
: > "$out/speed-torch26.tsv"
for M in $MODELS; do
  for B in $SIZES; do
    say "speed, $M model, batch $B, $THREADS threads: ours vs torch 2.6, $TURNS turns of $(turn_steps "$B") steps..."
    "$py" "$here/alternate.py" --max-wait "$MAX_WAIT" --tag "$M-b$B" --tsv "$out/speed-torch26.tsv" --turns "$TURNS" --steps "$(turn_steps "$B")" --warmup "$(turn_steps "$B")" \
      "ours=env OMP_NUM_THREADS=$THREADS dotnet run -c Release $here/bench.cs -- speed --serve --threads $THREADS --batches $out/batches-b$B.bin $(model_args "$M")" \
      "torch26=chroot $trixie env OMP_NUM_THREADS=$THREADS python3 $(inside "$here/peer_pytorch.py") --serve --threads $THREADS --batches $(inside "$out/batches-b$B.bin") $(model_args "$M")"
  done
done
"$py" "$here/summarize_torch26.py" "$out/speed-torch26.tsv"
exit
}
