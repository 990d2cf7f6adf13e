#!/usr/bin/env bash
# Latency of the game's POST /api/guess (not a test): a 200-point drawing, p50/p99 over real HTTP on 127.0.0.1,
# per model (the tutorial's and a 1×64 LSTM), interleaved with the same drawing through the Predictor in-process.
#   bash benchmarks/play/run.sh [--runs experiments/runs/NAME] [--requests 300]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
bash scripts/setup.sh
echo "machine: $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec dotnet run -c Release benchmarks/play/latency.cs -- "$@"
