#!/usr/bin/env bash
# Makes (once) a Debian trixie root with python3-torch 2.6 for the training benchmark's second peer, so the host's
# Python stays as it is (trixie's torch drags in Python 3.13, ~420 packages). Idempotent: prints the root's path and
# does nothing else when the root is already complete. Kept out of the tests' set-up: only run.sh calls it.
#
# usage: bash benchmarks/training/trixie_root.sh [ROOT]      (default ROOT: benchmarks/training/out/trixie-root)
# needs: root on Debian (apt-get install debootstrap; chroot). ~10 minutes and ~1.5 GB the first time.
{
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$here/out/trixie-root}"
mirror="${TRIXIE_MIRROR:-http://deb.debian.org/debian}"
say() { printf '\033[1;34m[trixie-root]\033[0m %s\n' "$*" >&2; }
if [ -f "$dir/.complete" ] && chroot "$dir" python3 -c 'import torch' 2>/dev/null; then echo "$dir"; exit 0; fi
[ "$(id -u)" = 0 ] || { echo "trixie_root.sh: run as root once (debootstrap and chroot need it)" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
command -v debootstrap >/dev/null || { say "installing debootstrap..."; apt-get -o DPkg::Lock::Timeout=900 install -y -qq debootstrap >/dev/null; }
mkdir -p "$dir"
if [ ! -x "$dir/usr/bin/apt-get" ] || [ ! -f "$dir/.base" ]; then
  say "debootstrap trixie (minbase) into $dir ..."
  debootstrap --variant=minbase trixie "$dir" "$mirror" >&2
  touch "$dir/.base"
fi
say "installing python3-torch, python3-numpy and OpenBLAS inside the root (apt-get, ~420 packages)..."
cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
chroot "$dir" apt-get update -qq >/dev/null
chroot "$dir" apt-get install -y -qq --no-install-recommends python3-torch python3-numpy libopenblas0-openmp >&2
chroot "$dir" python3 -c 'import torch; print("torch", torch.__version__)' >&2
touch "$dir/.complete"
echo "$dir"
exit
}
